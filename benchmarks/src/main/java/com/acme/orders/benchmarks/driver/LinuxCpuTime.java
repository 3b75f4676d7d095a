package com.acme.orders.benchmarks.driver;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * CPU time of processes and threads from Linux's {@code /proc/<pid>/stat} and {@code /proc/<pid>/task/<tid>/stat}.
 * Everything here is best effort: a process or thread that ends while it is read counts as zero, and on a system
 * without {@code /proc} every figure is zero, which the callers report as "not readable".
 */
final class LinuxCpuTime {

    /** Linux's USER_HZ on every platform the benchmark runs on; the tick counts of {@code stat} are in it. */
    private static final double TICKS_PER_SECOND = 100;

    private static final Path PROC = Path.of("/proc");

    private LinuxCpuTime() {}

    static boolean readable() {
        return Files.isReadable(PROC.resolve("self").resolve("stat"));
    }

    /** User plus system CPU seconds of every process that {@code matches}, given its pid and command line. */
    static double ofProcesses(Predicate<Candidate> matches) {
        double seconds = 0;
        for (Path process : list(PROC)) {
            String name = process.getFileName().toString();
            if (name.chars().allMatch(Character::isDigit)) {
                var candidate = new Candidate(Long.parseLong(name), commandLine(process));
                if (matches.test(candidate)) {
                    seconds += seconds(process.resolve("stat"), null);
                }
            }
        }
        return seconds;
    }

    /** User plus system CPU seconds of the threads of {@code pid} whose name matches {@code threadName}. */
    static double ofThreads(long pid, String threadName) {
        double seconds = 0;
        for (Path thread : list(PROC.resolve(Long.toString(pid)).resolve("task"))) {
            seconds += seconds(thread.resolve("stat"), threadName);
        }
        return seconds;
    }

    /** A process as the predicates of {@link #ofProcesses} see it. */
    record Candidate(long pid, String commandLine) {}

    private static List<Path> list(Path directory) {
        try (Stream<Path> entries = Files.list(directory)) {
            return entries.toList();
        } catch (IOException | RuntimeException gone) {
            return List.of();
        }
    }

    private static String commandLine(Path process) {
        try {
            return new String(Files.readAllBytes(process.resolve("cmdline"))).replace('\0', ' ');
        } catch (IOException | RuntimeException gone) {
            return "";
        }
    }

    private static double seconds(Path stat, @Nullable String nameMatching) {
        String line;
        try {
            line = Files.readString(stat);
        } catch (IOException | RuntimeException gone) {
            return 0;
        }
        // "<pid> (<name>) <state> ...": the name may hold spaces and parentheses, so it ends at the last ')'.
        int nameEnd = line.lastIndexOf(')');
        if (nameMatching != null
                && !line.substring(line.indexOf('(') + 1, nameEnd).matches(nameMatching)) {
            return 0;
        }
        // Fields after the name, counted from 3 (state): utime is field 14, stime field 15.
        String[] fields = line.substring(nameEnd + 2).split(" ");
        return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / TICKS_PER_SECOND;
    }
}
