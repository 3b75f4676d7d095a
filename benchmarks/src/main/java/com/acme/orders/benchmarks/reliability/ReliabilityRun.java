package com.acme.orders.benchmarks.reliability;

import com.acme.orders.benchmarks.reliability.Faults.Fault;
import com.acme.orders.benchmarks.reliability.Invariants.OrderRow;
import com.acme.orders.benchmarks.reliability.Invariants.Verdict;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The reliability run: starts the {@link Cluster}, puts the {@link Workload} on it while {@link Faults} strike, lets
 * it come to rest, then checks the {@link Invariants} on the whole history and prints each with its count. Usage:
 * {@code benchmarks/reliability [--quick=true] [--seconds=300] [--rate=20] [--docs=docs] ...} (see
 * {@link RunSettings#parse}); exits 1 when a guarantee broke.
 */
public final class ReliabilityRun {

    private static final String LOGGING = """
            <configuration>
              <appender name="out" class="ch.qos.logback.core.ConsoleAppender">
                <encoder><pattern>%d{HH:mm:ss.SSS} %-5level %logger{36} - %msg%n</pattern></encoder>
              </appender>
              <logger name="org.apache.kafka" level="ERROR"/>
              <logger name="io.lettuce" level="ERROR"/>
              <logger name="io.netty" level="ERROR"/>
              <root level="INFO"><appender-ref ref="out"/></root>
            </configuration>
            """;

    /** Not a static field: main must point logback at its configuration before the first logger exists. */
    private static Logger log() {
        return LoggerFactory.getLogger(ReliabilityRun.class);
    }

    /** What a run found: every verdict, and what the report needs beside them. */
    record Outcome(List<Verdict> verdicts, List<Fault> faults, String summary, Duration took) {
        boolean allHold() {
            return verdicts.stream().allMatch(Verdict::holds);
        }
    }

    private ReliabilityRun() {}

    public static void main(String[] args) throws Exception {
        var settings = RunSettings.parse(args);
        Files.createDirectories(settings.work());
        Path loggingConfig = settings.work().resolve("logback.xml");
        Files.writeString(loggingConfig, LOGGING);
        System.setProperty("logback.configurationFile", loggingConfig.toString());
        var outcome = run(settings, args);
        System.exit(outcome.allHold() ? 0 : 1);
    }

    static Outcome run(RunSettings settings, String[] args) throws Exception {
        long begun = System.currentTimeMillis();
        deleteRecursively(settings.work().resolve("postgres"));
        deleteRecursively(settings.work().resolve("redis"));
        deleteRecursively(settings.work().resolve("kafka"));
        if (Files.isDirectory(settings.work())) {
            // The instances append to their logs across restarts within a run; a new run starts them afresh.
            try (var logs = Files.list(settings.work())) {
                for (Path log :
                        logs.filter(it -> it.toString().endsWith(".log")).toList()) {
                    Files.delete(log);
                }
            }
        }
        Files.createDirectories(settings.work());
        Path loggingConfig = settings.work().resolve("logback.xml");
        if (!Files.exists(loggingConfig)) {
            Files.writeString(loggingConfig, LOGGING);
        }
        var cluster = Cluster.start(settings, loggingConfig);
        // Ctrl-C or a CI timeout must not leave a dozen server processes behind.
        Thread stopOnSignal = new Thread(cluster::close, "stop-cluster");
        Runtime.getRuntime().addShutdownHook(stopOnSignal);
        try (cluster) {
            log().info("Cluster up in {} s:\n- {}", (System.currentTimeMillis() - begun) / 1000, cluster.topology);
            String topology = cluster.topology + "; " + cluster.clocks;
            var history = new History();
            var client = new Client(cluster.instances, history);
            try (var events = new EventLog(cluster.kafka.bootstrapServers(), Cluster.TOPIC)) {
                var faults = FaultPlan.schedule(settings, cluster);
                long loadStart = System.currentTimeMillis();
                Thread injector = faults.start();
                var workload = new Workload(client, settings.seed(), settings.paymentWindow());
                workload.run(settings.rate(), settings.load());
                injector.join();
                long loadEnd = System.currentTimeMillis();
                faults.note(new Fault(
                        "clock of " + cluster.instances.getLast().name + " "
                                + settings.clockSkew().toMillis() + " ms fast: the whole run",
                        loadStart,
                        loadEnd));
                log().info(
                                "Load over: {} orders placed ({}); waiting for the service to come to rest",
                                workload.placements(),
                                workload.plans());
                quiesce(cluster, events, settings);
                var rows = orders(cluster);
                Instant databaseNow = databaseNow(cluster);
                var verdicts = new Invariants(
                                rows, events.events(), history.exchanges(), settings.documentedBound(), databaseNow)
                        .check();
                history.write(settings.work().resolve("history.tsv"));
                String summary = summary(settings, workload, rows, events.events(), history);
                print(verdicts, summary);
                var outcome = new Outcome(
                        verdicts, faults.happened(), summary, Duration.ofMillis(System.currentTimeMillis() - begun));
                if (settings.docs() != null) {
                    ReliabilityReport.write(settings, args, topology, outcome, rows, history, loadStart, loadEnd);
                }
                return outcome;
            }
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(stopOnSignal);
            } catch (IllegalStateException shuttingDown) {
                // the hook is stopping the cluster already
            }
        }
    }

    /**
     * Waits until nothing is left to happen: no order unpaid, the outbox empty and every event read; at most until
     * the documented bound has passed after the last deadline, plus half a minute for the relay.
     */
    private static void quiesce(Cluster cluster, EventLog events, RunSettings settings) throws Exception {
        var giveUp = Instant.now()
                .plus(settings.paymentWindow())
                .plus(settings.clockSkew())
                .plus(settings.documentedBound())
                .plusSeconds(30);
        while (Instant.now().isBefore(giveUp)) {
            long unpaid = count(cluster, "SELECT count(*) FROM orders WHERE status = 'UNPAID'");
            long outbox = count(cluster, "SELECT count(*) FROM outbox");
            if (unpaid == 0 && outbox == 0) {
                // The outbox is empty once Kafka acknowledged every event; the consumer needs a moment more.
                Thread.sleep(1_000);
                var readUntil = Instant.now().plusSeconds(30);
                while (!events.drained() && Instant.now().isBefore(readUntil)) {
                    Thread.sleep(200);
                }
                return;
            }
            Thread.sleep(500);
        }
        log().warn("Not at rest after the bound: unpaid orders or events are left; the invariants will say which");
    }

    private static long count(Cluster cluster, String sql) throws SQLException {
        try (var connection = DriverManager.getConnection(
                        cluster.postgres.jdbcUrl(), cluster.postgres.user(), cluster.postgres.password());
                var result = connection.createStatement().executeQuery(sql)) {
            result.next();
            return result.getLong(1);
        }
    }

    private static Instant databaseNow(Cluster cluster) throws SQLException {
        try (var connection = DriverManager.getConnection(
                        cluster.postgres.jdbcUrl(), cluster.postgres.user(), cluster.postgres.password());
                var result = connection.createStatement().executeQuery("SELECT clock_timestamp()")) {
            result.next();
            return result.getTimestamp(1).toInstant();
        }
    }

    /** Every order, with the commit time of the transaction that last wrote it (track_commit_timestamp is on). */
    private static List<OrderRow> orders(Cluster cluster) throws SQLException {
        var rows = new ArrayList<OrderRow>();
        try (var connection = DriverManager.getConnection(
                        cluster.postgres.jdbcUrl(), cluster.postgres.user(), cluster.postgres.password());
                var result = connection.createStatement().executeQuery("""
                        SELECT id, status, payment_deadline, cancelled_at, cancellation_reason,
                               pg_xact_commit_timestamp(xmin) AS committed_at
                        FROM orders""")) {
            while (result.next()) {
                rows.add(new OrderRow(
                        result.getObject("id", java.util.UUID.class),
                        result.getString("status"),
                        result.getTimestamp("payment_deadline").toInstant(),
                        instant(result.getTimestamp("cancelled_at")),
                        result.getString("cancellation_reason"),
                        instant(result.getTimestamp("committed_at"))));
            }
        }
        return rows;
    }

    private static @Nullable Instant instant(@Nullable Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    private static String summary(
            RunSettings settings,
            Workload workload,
            List<OrderRow> rows,
            List<EventLog.Event> events,
            History history) {
        long paid = rows.stream().filter(it -> "PAID".equals(it.status())).count();
        long timedOut = rows.stream().filter(OrderRow::timedOut).count();
        long withdrawn = rows.stream()
                .filter(it -> "CANCELLED".equals(it.status()) && !it.timedOut())
                .count();
        var lags = rows.stream()
                .filter(OrderRow::timedOut)
                .mapToLong(OrderRow::lagMillis)
                .sorted()
                .toArray();
        long distinct = events.stream().map(EventLog.Event::ceId).distinct().count();
        var exchanges = history.exchanges();
        long unanswered = exchanges.stream().filter(it -> it.status() == 0).count();
        long busy = exchanges.stream().filter(it -> it.status() == 503).count();
        // Not one of the invariants, but what a customer sees of a skewed clock: the payment left the client
        // (on the database's machine, so on its clock) before the deadline and was still refused as late.
        var deadlines = rows.stream().collect(java.util.stream.Collectors.toMap(OrderRow::id, OrderRow::deadline));
        long refusedInTime = exchanges.stream()
                .filter(it -> it.action() == History.Action.PAY || it.action() == History.Action.PAY_AGAIN)
                .filter(it -> it.status() == 200 && it.answer().equals("REFUND_REQUESTED") && it.order() != null)
                .filter(it -> deadlines.containsKey(it.order())
                        && it.sentAtMillis() + it.tookMillis()
                                < deadlines.get(it.order()).toEpochMilli())
                .count();
        return String.format(
                java.util.Locale.ROOT,
                "%d orders placed (%s) at %d/s for %d s, payment window %d s; in PostgreSQL: %d orders, %d paid, "
                        + "%d cancelled by timeout, %d by the customer, %d still unpaid. Timeout lag by the database's"
                        + " clock (deadline to commit): min %d ms, median %d ms, p99 %d ms, max %d ms. Kafka: %d "
                        + "records read, %d distinct ce_id. Clients: %d requests, %d without an answer (instance "
                        + "killed or frozen; retried on the next), %d answered 503; %d payments answered "
                        + "REFUND_REQUESTED although the answer came before the deadline.",
                workload.placements(),
                workload.plans(),
                settings.rate(),
                settings.load().toSeconds(),
                settings.paymentWindow().toSeconds(),
                rows.size(),
                paid,
                timedOut,
                withdrawn,
                rows.size() - paid - timedOut - withdrawn,
                percentile(lags, 0),
                percentile(lags, 0.5),
                percentile(lags, 0.99),
                percentile(lags, 1),
                events.size(),
                distinct,
                exchanges.size(),
                unanswered,
                busy,
                refusedInTime);
    }

    static long percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        return sorted[(int) Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - (p == 0 ? 0 : 1))];
    }

    private static void print(List<Verdict> verdicts, String summary) {
        var text = new StringBuilder("\n").append(summary).append("\n\nInvariants:\n");
        for (Verdict verdict : verdicts) {
            text.append(String.format(
                    java.util.Locale.ROOT,
                    "  %-6s %s: %d checked, %d violations%n",
                    verdict.holds() ? "HOLDS" : "BROKEN",
                    verdict.guarantee(),
                    verdict.checked(),
                    verdict.violations().size()));
            verdict.violations().stream()
                    .limit(5)
                    .forEach(it -> text.append("           e.g. ").append(it).append('\n'));
        }
        log().info(text.toString());
    }

    static void deleteRecursively(Path directory) throws java.io.IOException {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
