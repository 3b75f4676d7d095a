package com.acme.orders.benchmarks.driver;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.OptionalDouble;
import java.util.stream.Stream;

/**
 * How much CPU the JIT compiler threads of another JVM have used, from Linux's per-thread counters
 * ({@code /proc/<pid>/task/<tid>/stat}, threads named {@code C1 CompilerThre…}/{@code C2 CompilerThre…}).
 *
 * <p>Why the benchmark looks at it: a thread-level profile of the service during a 5,000/s wave, after a warm-up of
 * 5,000 orders, showed the C1/C2 compiler threads using 0.4 to 0.8 of the two cores, more than the timeout worker and
 * the relay together. The wave measured a JVM still compiling, not the service. A warm-up is finished only when the
 * compiler has gone quiet, which this tells independently of what the approach under test does with its CPU.
 */
final class JitCompilerActivity {

    /** Linux's USER_HZ on every platform the benchmark runs on; the ticks of {@code stat} are in it. */
    private static final long TICKS_PER_SECOND = 100;

    private final Path tasks;

    JitCompilerActivity(long pid) {
        this.tasks = Path.of("/proc", Long.toString(pid), "task");
    }

    /**
     * Waits until the compiler threads used less than {@code share} of one core over each of two consecutive seconds.
     *
     * @return false when they did not within {@code atMost}, or when the counters cannot be read (not Linux)
     */
    boolean awaitQuiet(double share, Duration atMost) throws InterruptedException {
        Instant giveUp = Instant.now().plus(atMost);
        OptionalDouble before = compilerSeconds();
        int quietSeconds = 0;
        while (before.isPresent() && Instant.now().isBefore(giveUp)) {
            Thread.sleep(1_000);
            OptionalDouble now = compilerSeconds();
            if (now.isEmpty()) {
                return false;
            }
            boolean quiet = now.getAsDouble() - before.getAsDouble() < share;
            quietSeconds = quiet ? quietSeconds + 1 : 0;
            if (quietSeconds == 2) {
                return true;
            }
            before = now;
        }
        return false;
    }

    /** CPU seconds (user plus system) of the compiler threads so far, or empty when they cannot be read. */
    OptionalDouble compilerSeconds() {
        try (Stream<Path> threads = Files.list(tasks)) {
            long ticks = 0;
            for (Path thread : threads.toList()) {
                ticks += ticksIfCompiler(thread);
            }
            return OptionalDouble.of(ticks / (double) TICKS_PER_SECOND);
        } catch (IOException | RuntimeException e) {
            return OptionalDouble.empty();
        }
    }

    private static long ticksIfCompiler(Path thread) {
        String stat;
        try {
            stat = Files.readString(thread.resolve("stat"));
        } catch (IOException gone) {
            return 0; // the thread ended between the listing and the read
        }
        // "<tid> (<name>) <state> ...": the name may hold spaces and parentheses, so it ends at the last ')'.
        int nameStart = stat.indexOf('(');
        int nameEnd = stat.lastIndexOf(')');
        String name = stat.substring(nameStart + 1, nameEnd);
        if (!name.matches("C\\d CompilerThre.*")) {
            return 0;
        }
        // Fields after the name, counted from 3 (state): utime is field 14, stime field 15.
        String[] fields = stat.substring(nameEnd + 2).split(" ");
        return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    }
}
