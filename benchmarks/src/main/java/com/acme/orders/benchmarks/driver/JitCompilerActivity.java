package com.acme.orders.benchmarks.driver;

import java.time.Duration;
import java.time.Instant;
import java.util.OptionalDouble;

/**
 * How much CPU the JIT compiler threads of another JVM have used (threads named {@code C1 CompilerThre…} and
 * {@code C2 CompilerThre…}, read by {@link LinuxCpuTime}).
 *
 * <p>Why the benchmark looks at it: a thread-level profile of the service during a 5,000/s wave, after a warm-up of
 * 5,000 orders, showed the C1/C2 compiler threads using 0.4 to 0.8 of the two cores, more than the timeout worker and
 * the relay together. The wave measured a JVM still compiling, not the service. A warm-up is finished only when the
 * compiler has gone quiet, which this tells independently of what the approach under test does with its CPU.
 */
final class JitCompilerActivity {

    private static final String COMPILER_THREADS = "C\\d CompilerThre.*";

    private final long pid;

    JitCompilerActivity(long pid) {
        this.pid = pid;
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
            quietSeconds = now.getAsDouble() - before.getAsDouble() < share ? quietSeconds + 1 : 0;
            if (quietSeconds == 2) {
                return true;
            }
            before = now;
        }
        return false;
    }

    /** CPU seconds (user plus system) of the compiler threads so far, or empty when they cannot be read. */
    OptionalDouble compilerSeconds() {
        return LinuxCpuTime.readable()
                ? OptionalDouble.of(LinuxCpuTime.ofThreads(pid, COMPILER_THREADS))
                : OptionalDouble.empty();
    }
}
