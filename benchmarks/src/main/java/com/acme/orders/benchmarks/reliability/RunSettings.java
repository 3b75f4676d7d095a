package com.acme.orders.benchmarks.reliability;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What a reliability run is made of: the topology, the load, the service's timings for the run, and where it writes.
 * {@link #full()} is the run of record ({@code benchmarks/reliability}), {@link #quick()} the one in
 * {@code ./mvnw verify}: a smaller topology and a minute of load, the same faults and the same invariants.
 *
 * @param paymentWindow   every order's window: seconds, so that thousands fall due within the run
 * @param clockSkew       how fast the last instance's clock runs ({@code orders.clock.offset})
 * @param lease           the claim's lease: a frozen instance is frozen for longer than this
 * @param sweeperInterval with the margin, how long an order the index lost may wait (docs/timeouts.md)
 * @param docs            where the report goes ({@code docs/}), or null for none
 */
record RunSettings(
        int instances,
        int redisMasters,
        int redisReplicas,
        int brokers,
        Duration load,
        int rate,
        Duration paymentWindow,
        Duration clockSkew,
        Duration lease,
        Duration pollInterval,
        Duration sweeperInterval,
        Duration sweeperMargin,
        long seed,
        Path work,
        @Nullable Path docs) {

    static RunSettings full() {
        return new RunSettings(
                3,
                3,
                1,
                3,
                Duration.ofMinutes(5),
                20,
                Duration.ofSeconds(6),
                Duration.ofSeconds(3),
                Duration.ofSeconds(5),
                Duration.ofMillis(100),
                Duration.ofSeconds(5),
                Duration.ofSeconds(5),
                System.currentTimeMillis(),
                Path.of("benchmarks/target/reliability"),
                null);
    }

    static RunSettings quick(Path work) {
        return new RunSettings(
                2,
                3,
                1,
                1,
                Duration.ofSeconds(60),
                15,
                Duration.ofSeconds(5),
                Duration.ofSeconds(3),
                Duration.ofSeconds(4),
                Duration.ofMillis(100),
                Duration.ofSeconds(5),
                Duration.ofSeconds(5),
                15,
                work,
                null);
    }

    /**
     * The longest an unpaid order may wait after its deadline, as docs/timeouts.md gives it: a claim held by a worker
     * that died or froze comes back when its lease ends (then the next poll, at most 1.5 intervals away); an entry
     * Redis lost is found by the sweeper at most margin + interval (jittered up to 1.5 intervals) after the deadline.
     */
    Duration documentedBound() {
        Duration afterALostClaim = lease.plus(pollInterval.multipliedBy(3).dividedBy(2));
        Duration afterALostEntry =
                sweeperMargin.plus(sweeperInterval.multipliedBy(3).dividedBy(2));
        return afterALostClaim.compareTo(afterALostEntry) > 0 ? afterALostClaim : afterALostEntry;
    }

    /** {@code --name=value} arguments over {@link #full()}. */
    static RunSettings parse(String[] args) {
        Map<String, String> given = new HashMap<>();
        for (String arg : args) {
            if (!arg.startsWith("--") || !arg.contains("=")) {
                throw new IllegalArgumentException("expected --name=value, got " + arg);
            }
            given.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
        }
        var base = given.containsKey("quick") && Boolean.parseBoolean(given.get("quick"))
                ? quick(Path.of("benchmarks/target/reliability"))
                : full();
        var settings = new RunSettings(
                integer(given, "instances", base.instances()),
                integer(given, "redis-masters", base.redisMasters()),
                integer(given, "redis-replicas", base.redisReplicas()),
                integer(given, "brokers", base.brokers()),
                Duration.ofSeconds(integer(given, "seconds", (int) base.load().toSeconds())),
                integer(given, "rate", base.rate()),
                Duration.ofSeconds(integer(
                        given, "window-seconds", (int) base.paymentWindow().toSeconds())),
                Duration.ofSeconds(
                        integer(given, "skew-seconds", (int) base.clockSkew().toSeconds())),
                Duration.ofSeconds(
                        integer(given, "lease-seconds", (int) base.lease().toSeconds())),
                base.pollInterval(),
                base.sweeperInterval(),
                base.sweeperMargin(),
                given.containsKey("seed") ? Long.parseLong(given.get("seed")) : base.seed(),
                given.containsKey("work") ? Path.of(given.get("work")) : base.work(),
                given.containsKey("docs") ? Path.of(given.get("docs")) : null);
        given.keySet()
                .removeAll(java.util.Set.of(
                        "quick",
                        "instances",
                        "redis-masters",
                        "redis-replicas",
                        "brokers",
                        "seconds",
                        "rate",
                        "window-seconds",
                        "skew-seconds",
                        "lease-seconds",
                        "seed",
                        "work",
                        "docs"));
        if (!given.isEmpty()) {
            throw new IllegalArgumentException("unknown options: " + given.keySet());
        }
        return settings;
    }

    private static int integer(Map<String, String> given, String name, int otherwise) {
        return given.containsKey(name) ? Integer.parseInt(given.get(name)) : otherwise;
    }
}
