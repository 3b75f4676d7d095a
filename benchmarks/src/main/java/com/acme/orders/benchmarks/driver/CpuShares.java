package com.acme.orders.benchmarks.driver;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * Where the machine's CPU went during a measured wave: the service JVM (with the approach under test), each server
 * and the driver itself, in cores (CPU seconds per second of the wave). It is the profile that says what limits a
 * run on a machine all of them share: the report carries it in each run's notes.
 */
final class CpuShares {

    private final Map<String, Predicate<LinuxCpuTime.Candidate>> parts = new LinkedHashMap<>();
    private @Nullable Map<String, Double> atStart;
    private long startNanos;

    CpuShares(long servicePid) {
        long driverPid = ProcessHandle.current().pid();
        parts.put("service", it -> it.pid() == servicePid);
        // The postmaster runs as .../bin/postgres; its backends and workers rename themselves "postgres: ...".
        parts.put(
                "PostgreSQL",
                it -> it.commandLine().startsWith("postgres")
                        || it.commandLine().contains("/bin/postgres "));
        parts.put("Kafka", it -> it.commandLine().contains("kafka.Kafka"));
        parts.put("Redis", it -> it.commandLine().contains("redis-server"));
        parts.put("driver", it -> it.pid() == driverPid);
    }

    boolean started() {
        return atStart != null;
    }

    void start() {
        atStart = snapshot();
        startNanos = System.nanoTime();
    }

    /** @return e.g. "CPU in cores: service 0.52, PostgreSQL 0.41, ...", or nothing useful when not on Linux */
    String sinceStart() {
        Map<String, Double> before = atStart;
        if (before == null || !LinuxCpuTime.readable()) {
            return "CPU not measured";
        }
        double seconds = (System.nanoTime() - startNanos) / 1e9;
        Map<String, Double> now = snapshot();
        return "CPU in cores: "
                + parts.keySet().stream()
                        .map(part -> String.format(
                                Locale.ROOT,
                                "%s %.2f",
                                part,
                                (now.getOrDefault(part, 0.0) - before.getOrDefault(part, 0.0)) / seconds))
                        .collect(Collectors.joining(", "));
    }

    private Map<String, Double> snapshot() {
        var seconds = new LinkedHashMap<String, Double>();
        parts.forEach((part, matches) -> seconds.put(part, LinuxCpuTime.ofProcesses(matches)));
        return seconds;
    }
}
