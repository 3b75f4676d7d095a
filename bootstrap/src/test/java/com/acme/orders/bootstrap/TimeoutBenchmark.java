package com.acme.orders.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.acme.orders.application.RebuildDeadlineIndex;
import com.acme.orders.application.fakes.RecordedEvents;
import com.acme.orders.application.port.DeadlineIndex;
import com.acme.orders.application.port.PendingDeadline;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Not a test: a measurement on the real embedded PostgreSQL and Redis, run on demand only (skipped unless
 * {@code -Dbenchmark=true}): {@code ./mvnw -B -pl bootstrap -am verify -Dtest=TimeoutBenchmark -Dbenchmark=true
 * -Dsurefire.failIfNoSpecifiedTests=false} (optionally {@code -Dbenchmark.rate=2000 -Dbenchmark.seconds=5
 * -Dbenchmark.backlog=100000 -Dbenchmark.scan-interval=1s}).
 * <p>
 * Two runs on the same shape of data, each from an empty database and Redis: {@code rate} unpaid orders due per
 * second during {@code seconds}, next to a {@code backlog} of unpaid orders due in hours. First this service (one
 * instance, its timeout worker with the default poll interval; the sweeper's margin is an hour, so every cancellation
 * is the worker's; the backlog indexed by {@code RebuildDeadlineIndex}, the due orders tracked as placing them
 * would), then the seed's approach, written out here: every {@code scan-interval}, read all unpaid orders
 * and cancel the overdue ones with conditional updates, one JDBC batch and one transaction per scan. Prints
 * cancellations per second (due orders / time from the first deadline to the last committed cancellation) and the lag
 * from deadline to {@code cancelled_at}, p50/p99/max, for both, and the ratio of their p99.
 */
@EnabledIfSystemProperty(named = "benchmark", matches = "true")
class TimeoutBenchmark {

    private static final int RATE = Integer.getInteger("benchmark.rate", 2_000);
    private static final int SECONDS = Integer.getInteger("benchmark.seconds", 5);
    private static final int BACKLOG = Integer.getInteger("benchmark.backlog", 100_000);
    private static final Duration SCAN_INTERVAL = Duration.parse("PT" + System.getProperty("benchmark.scan-interval", "1s"));
    /** The service's own default poll interval, not the tests' fast one. */
    private static final String POLL_INTERVAL = System.getProperty("benchmark.poll-interval", "100ms");

    private static final String COMMAND = "./mvnw -B -pl bootstrap -am verify -Dtest=TimeoutBenchmark -Dbenchmark=true "
            + "-Dsurefire.failIfNoSpecifiedTests=false -Dbenchmark.rate=" + RATE + " -Dbenchmark.seconds=" + SECONDS
            + " -Dbenchmark.poll-interval=" + POLL_INTERVAL
            + " -Dbenchmark.backlog=" + BACKLOG + " -Dbenchmark.scan-interval="
            + System.getProperty("benchmark.scan-interval", "1s");

    record Result(String approach, long cancelled, double perSecond, long p50, long p99, long max, String note) {
    }

    @Test
    void measure() throws Exception {
        Result service = measureService();
        Result seed = measureSeed();
        System.out.printf("%nTIMEOUT BENCHMARK: %d orders due at %d/s over %d s, backlog of %d unpaid orders due in "
                + "hours%n", RATE * SECONDS, RATE, SECONDS, BACKLOG);
        System.out.printf("| approach | cancelled | cancellations/s | lag p50 | lag p99 | lag max | notes |%n");
        System.out.printf("|---|---:|---:|---:|---:|---:|---|%n");
        for (Result it : List.of(service, seed)) {
            System.out.printf("| %s | %d | %.0f | %d ms | %d ms | %d ms | %s |%n", it.approach(), it.cancelled(),
                    it.perSecond(), it.p50(), it.p99(), it.max(), it.note());
        }
        System.out.printf("Ratio lag p99 seed / service: %.1f%n", (double) seed.p99() / Math.max(1, service.p99()));
        System.out.println("Command: " + COMMAND);
    }

    private Result measureService() throws Exception {
        var events = new RecordedEvents();
        try (var service = ServiceInstance.start(events, Map.of(
                "orders.timeouts.poll-interval", POLL_INTERVAL,
                "orders.timeouts.lease", "30s",
                "orders.timeouts.sweeper-interval", "1h",
                "orders.timeouts.sweeper-margin", "1h"))) {
            var dataSource = service.bean(DataSource.class);
            var data = new TimeoutTestData(dataSource);
            data.reset();
            var rebuilt = new long[2]; // {entries, millis}
            // The backlog indexed by a rebuild (which also marks the index complete, so no sweeper rebuild resets a
            // claim), the due orders added as PlaceOrder would have after each commit, here in one bulk write.
            List<PendingDeadline> due = seed(data, () -> {
                long start = System.nanoTime();
                rebuilt[0] = service.bean(RebuildDeadlineIndex.class).rebuild();
                rebuilt[1] = (System.nanoTime() - start) / 1_000_000;
            }, orders -> service.bean(DeadlineIndex.class).trackAll(orders));
            warnIfLate(due, "service: due orders indexed");
            assertThat(data.awaitNoUnpaidDueBy(due.getLast().deadline(), Duration.ofMinutes(5))).isTrue();
            return result(dataSource, "this service (timeout worker, poll " + POLL_INTERVAL + ")",
                    String.format("backlog indexed by RebuildDeadlineIndex (%d entries, %.1f s) before the run",
                            rebuilt[0], rebuilt[1] / 1e3));
        }
    }

    private Result measureSeed() throws Exception {
        // No worker and no sweeper in this instance: it only lends its DataSource to the seed's scan below.
        try (var service = ServiceInstance.start(new RecordedEvents(),
                Map.of("orders.timeouts.worker-enabled", "false"))) {
            var dataSource = service.bean(DataSource.class);
            var data = new TimeoutTestData(dataSource);
            data.reset();
            List<PendingDeadline> due = seed(data, () -> { }, orders -> { });
            var scans = new ArrayList<long[]>(); // {millis for the whole scan, rows read, rows cancelled}
            var scanner = Executors.newSingleThreadScheduledExecutor();
            try {
                scanner.scheduleAtFixedRate(() -> {
                    try {
                        scans.add(scanOnce(dataSource));
                    } catch (Exception e) {
                        e.printStackTrace();
                    }
                }, 0, SCAN_INTERVAL.toMillis(), TimeUnit.MILLISECONDS);
                warnIfLate(due, "seed: scanner started");
                assertThat(data.awaitNoUnpaidDueBy(due.getLast().deadline(), Duration.ofMinutes(5))).isTrue();
            } finally {
                scanner.shutdown();
                scanner.awaitTermination(1, TimeUnit.MINUTES);
            }
            // Written by the scanner's thread only; its termination above makes every scan visible here.
            List<long[]> done = List.copyOf(scans);
            long slowest = done.stream().mapToLong(it -> it[0]).max().orElse(0);
            double mean = done.stream().mapToLong(it -> it[0]).average().orElse(0);
            long read = done.stream().mapToLong(it -> it[1]).max().orElse(0);
            return result(dataSource, "seed (scan all unpaid every " + SCAN_INTERVAL.toMillis() + " ms)",
                    String.format("one scan of up to %d unpaid orders: mean %.0f ms, max %d ms (%d scans)",
                            read, mean, slowest, done.size()));
        }
    }

    /** The seed's timeout job: read every unpaid order, cancel those past their deadline, one transaction. */
    private static long[] scanOnce(DataSource dataSource) throws Exception {
        long start = System.nanoTime();
        try (var connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            var overdue = new ArrayList<UUID>();
            long read = 0;
            try (var select = connection.prepareStatement(
                    "SELECT id, payment_deadline FROM orders WHERE status = 'UNPAID'")) {
                select.setFetchSize(10_000);
                var now = Instant.now();
                try (var rows = select.executeQuery()) {
                    while (rows.next()) {
                        read++;
                        if (!rows.getTimestamp(2).toInstant().isAfter(now)) {
                            overdue.add(rows.getObject(1, UUID.class));
                        }
                    }
                }
            }
            try (var update = connection.prepareStatement("""
                    UPDATE orders SET status = 'CANCELLED', cancelled_at = now(),
                                      cancellation_reason = 'PAYMENT_TIMEOUT', version = version + 1
                    WHERE id = ? AND status = 'UNPAID'""")) {
                for (UUID id : overdue) {
                    update.setObject(1, id);
                    update.addBatch();
                }
                if (!overdue.isEmpty()) {
                    update.executeBatch();
                }
            }
            connection.commit();
            return new long[] {(System.nanoTime() - start) / 1_000_000, read, overdue.size()};
        }
    }

    /**
     * The backlog (due in two to three hours), then {@code afterBacklog}, then the orders due at {@code RATE} per second
     * from a few seconds on, then {@code afterDue} with them.
     */
    private static List<PendingDeadline> seed(TimeoutTestData data, Runnable afterBacklog,
                                              Consumer<List<PendingDeadline>> afterDue) {
        long seedStart = System.nanoTime();
        var later = Instant.now().plus(Duration.ofHours(2));
        data.unpaidOrders(BACKLOG, i -> later.plusMillis(i % 3_600_000));
        double backlogSeconds = (System.nanoTime() - seedStart) / 1e9;
        afterBacklog.run();
        // Room for the due orders to be written (and indexed) before the first of them is due.
        var first = Instant.now().plusSeconds(3).plusMillis((long) RATE * SECONDS / 4);
        var due = data.unpaidOrders(RATE * SECONDS, i -> first.plusNanos(i * 1_000_000_000L / RATE));
        afterDue.accept(due);
        System.out.printf("TIMEOUT BENCHMARK seeded a backlog of %d unpaid orders in %.1f s, then %d due ones%n",
                BACKLOG, backlogSeconds, due.size());
        return due;
    }

    private static void warnIfLate(List<PendingDeadline> due, String what) {
        if (Instant.now().isAfter(due.getFirst().deadline())) {
            System.out.println("TIMEOUT BENCHMARK WARNING: " + what + " only after the first deadline; "
                    + "the lag below includes set-up time");
        }
    }

    private static Result result(DataSource dataSource, String approach, String note) {
        var jdbc = new JdbcTemplate(dataSource);
        long backlogLeft = jdbc.queryForObject("SELECT count(*) FROM orders WHERE status = 'UNPAID'", Long.class);
        assertThat(backlogLeft).as("the backlog stays unpaid").isEqualTo(BACKLOG);
        // Per second of deadlines: where in the run the lag builds up (a cold start, a stall, or a steady fall behind).
        System.out.println("TIMEOUT BENCHMARK " + approach + ", lag max by second of deadline (ms): " + jdbc.queryForList("""
                SELECT round(max(extract(epoch FROM cancelled_at - payment_deadline) * 1000))::bigint
                FROM orders WHERE status = 'CANCELLED'
                GROUP BY floor(extract(epoch FROM payment_deadline - (SELECT min(payment_deadline) FROM orders)))
                ORDER BY floor(extract(epoch FROM payment_deadline - (SELECT min(payment_deadline) FROM orders)))
                """, Long.class));
        Result result = jdbc.queryForObject("""
                SELECT count(*) AS cancelled,
                       count(*) / extract(epoch FROM max(cancelled_at) - min(payment_deadline)) AS per_second,
                       round(percentile_cont(0.5) WITHIN GROUP (ORDER BY lag)) AS p50,
                       round(percentile_cont(0.99) WITHIN GROUP (ORDER BY lag)) AS p99,
                       round(max(lag)) AS max
                FROM (SELECT cancelled_at, payment_deadline,
                             extract(epoch FROM cancelled_at - payment_deadline) * 1000 AS lag
                      FROM orders WHERE status = 'CANCELLED') lags""", (rs, n) -> new Result(approach,
                rs.getLong("cancelled"), rs.getDouble("per_second"), rs.getLong("p50"), rs.getLong("p99"),
                rs.getLong("max"), note));
        assertThat(result.cancelled()).as("every due order cancelled").isEqualTo((long) RATE * SECONDS);
        return result;
    }
}
