package com.acme.orders.benchmarks.driver;

import com.acme.orders.application.deadline.port.PendingDeadline;
import com.acme.orders.benchmarks.Approach;
import com.acme.orders.benchmarks.limits.LimitResult;
import com.acme.orders.benchmarks.servers.Servers;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The end-to-end benchmark, run by {@code benchmarks/run}: against server processes already started (their
 * addresses in {@code --servers}), it runs the workloads one after another, each service in a JVM of its own, and
 * writes {@code docs/benchmarks.md} with its tables, CSV files and chart. Arguments: see {@link BenchmarkOptions}.
 */
public final class Benchmark {

    static final Path LOGS = Path.of("benchmarks/target/logs");

    private Benchmark() {}

    public static void main(String[] args) throws Exception {
        // The driver's own clients (Kafka's above all) log every setting at INFO: only the progress lines matter here.
        ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME))
                .setLevel(ch.qos.logback.classic.Level.WARN);
        var options = BenchmarkOptions.parse(args);
        var servers = Servers.read(options.serversFile());
        var progress = new Progress();
        var database = new BenchmarkDatabase(servers);
        try (var redis = new RedisProbe(servers)) {
            database.migrate();
            var machine = Machine.describe(database, redis);
            progress.stage(
                    "benchmark",
                    "on " + machine.cores() + " cores, " + machine.postgres() + ", Redis " + machine.redis()
                            + ", Kafka " + machine.kafka());
            var expiry = new ArrayList<ExpiryResult>();
            FrontDoorRun.Outcome frontDoor = null;
            var run = new ExpiryRun(database, redis, servers, options, progress);

            if (options.runs("front-door")) {
                frontDoor = new FrontDoorRun(database, redis, servers, options, progress).run();
            }
            if (options.runs("expiry")
                    || options.runs("mix")
                    || options.runs("overload")
                    || options.runs("herd")
                    || options.runs(ExpiryRun.FLUSH)) {
                // The mix and the overload run beside the first backlog only, the herd and the flush beside the last:
                // skip seeding the others for nothing.
                var backlogs = options.runs("expiry")
                        ? options.backlogs()
                        : options.runs("herd") || options.runs(ExpiryRun.FLUSH)
                                ? options.backlogs().stream()
                                        .filter(it -> it.equals(
                                                        options.backlogs().getLast())
                                                || (it.equals(options.backlogs().getFirst())
                                                        && (options.runs("mix") || options.runs("overload"))))
                                        .toList()
                                : List.of(options.backlogs().getFirst());
                for (int backlog : backlogs) {
                    database.reset();
                    progress.stage("backlog", "seeding " + backlog + " unpaid orders due in 2 to 3 hours");
                    long start = System.nanoTime();
                    var later = Instant.now().plus(Duration.ofHours(2));
                    List<PendingDeadline> backlogOrders = database.unpaidOrders(
                            BenchmarkDatabase.BACKLOG_CUSTOMER,
                            backlog,
                            i -> later.plusMillis((long) i * 3_600_000L / Math.max(1, backlog)));
                    database.vacuum();
                    progress.stage("backlog", String.format("seeded in %.1f s", (System.nanoTime() - start) / 1e9));
                    if (options.runs("expiry")) {
                        for (Approach approach : options.approaches()) {
                            for (int rate : options.ratesOf(approach)) {
                                // This service's settings as often as asked (--repeat), for verdicts past the noise.
                                int times = approach == Approach.SERVICE ? options.repeat() : 1;
                                for (int time = 0; time < times; time++) {
                                    var result = guarded(
                                            progress,
                                            "expiry",
                                            approach,
                                            rate,
                                            backlog,
                                            () -> run.run("expiry", approach, rate, backlog, backlogOrders, 0, null));
                                    report(progress, result);
                                    expiry.add(result);
                                }
                            }
                        }
                    }
                    if (options.runs("mix") && backlog == options.backlogs().getFirst()) {
                        for (String mix : List.of("mix", ExpiryRun.MIX_CAPTURED)) {
                            for (int rate : options.mixRates()) {
                                var result = guarded(
                                        progress,
                                        mix,
                                        Approach.SERVICE,
                                        rate,
                                        backlog,
                                        () -> run.run(
                                                mix,
                                                Approach.SERVICE,
                                                rate,
                                                backlog,
                                                backlogOrders,
                                                options.mixPaidShare(),
                                                null));
                                report(progress, result);
                                expiry.add(result);
                            }
                        }
                    }
                    if (options.runs("herd") && backlog == options.backlogs().getLast()) {
                        // Next to the largest backlog: the herd falls due among the orders that are not due yet.
                        for (Approach approach : List.of(Approach.SERVICE, Approach.SKIP_LOCKED)) {
                            if (!options.approaches().contains(approach)) {
                                continue;
                            }
                            var customers = CustomersBeside.steady(options.overloadCustomerRate());
                            var result = guarded(
                                    progress,
                                    ExpiryRun.HERD,
                                    approach,
                                    options.herd(),
                                    backlog,
                                    () -> run.run(
                                            ExpiryRun.HERD,
                                            approach,
                                            options.herd(),
                                            backlog,
                                            backlogOrders,
                                            0,
                                            customers));
                            report(progress, result);
                            expiry.add(result);
                        }
                    }
                    if (options.runs(ExpiryRun.FLUSH)
                            && backlog == options.backlogs().getLast()) {
                        // Next to the largest backlog, so that the rebuild after the loss takes as long as it can.
                        int rate = options.flushRate();
                        var result = guarded(
                                progress,
                                ExpiryRun.FLUSH,
                                Approach.SERVICE,
                                rate,
                                backlog,
                                () -> run.run(
                                        ExpiryRun.FLUSH, Approach.SERVICE, rate, backlog, backlogOrders, 0, null));
                        report(progress, result);
                        expiry.add(result);
                    }
                    if (options.runs("overload")
                            && backlog == options.backlogs().getFirst()) {
                        var overloads = new ArrayList<CustomersBeside>();
                        for (int time = 0; time < options.repeat(); time++) {
                            overloads.add(CustomersBeside.saturating(options.overloadClients()));
                            overloads.add(CustomersBeside.steady(options.overloadCustomerRate()));
                        }
                        for (var customers : overloads) {
                            int rate = options.overloadRate();
                            var result = guarded(
                                    progress,
                                    customers.workload(),
                                    Approach.SERVICE,
                                    rate,
                                    backlog,
                                    () -> run.run(
                                            customers.workload(),
                                            Approach.SERVICE,
                                            rate,
                                            backlog,
                                            backlogOrders,
                                            0,
                                            customers));
                            report(progress, result);
                            result.customers()
                                    .forEach(it -> progress.stage(
                                            customers.workload(),
                                            String.format(
                                                    "customers' %s: %,.0f/s served, %,d refused, %,d failed; p50 %.1f ms,"
                                                            + " p99 %.1f ms",
                                                    it.workload(),
                                                    it.servedPerSecond(),
                                                    it.refused(),
                                                    it.failed(),
                                                    it.latency().p50(),
                                                    it.latency().p99())));
                            expiry.add(result);
                        }
                    }
                }
            }
            var limits = new ArrayList<LimitResult>();
            var limitNotes = new ArrayList<String>();
            if (options.runs("limits")) {
                database.reset();
                redis.flushAll();
                progress.stage("limits", "pgbench and redis-benchmark");
                PhysicalLimitsRun.measure(servers, limits, limitNotes);
            }
            new Report(options.docs())
                    .write(machine, options.commandLine(), progress.elapsed(), expiry, frontDoor, limits, limitNotes);
            progress.stage("benchmark", "report written to " + options.docs().resolve("benchmarks.md"));
        }
    }

    private interface Run {
        ExpiryResult run() throws Exception;
    }

    /**
     * One run that fails (a competitor's client giving up, say) is a result too: it is reported as failed, and the
     * benchmark goes on with the next run instead of losing every figure it has.
     */
    private static ExpiryResult guarded(
            Progress progress, String workload, Approach approach, int rate, int backlog, Run run) {
        try {
            return run.run();
        } catch (Exception e) {
            progress.stage(workload + "-" + approach.id() + "-" + rate + "-" + backlog, "FAILED: " + e);
            Throwable cause = e;
            while (cause.getCause() != null) {
                cause = cause.getCause();
            }
            return new ExpiryResult(
                    workload,
                    approach,
                    rate,
                    backlog,
                    0,
                    0,
                    Double.NaN,
                    Lags.Summary.NONE,
                    Lags.Summary.NONE,
                    -1,
                    0,
                    Double.NaN,
                    Double.NaN,
                    ("run failed: " + e.getMessage() + " (" + cause + ")").replace('\n', ' '),
                    List.of(),
                    ExpiryResult.Loss.NONE);
        }
    }

    private static void report(Progress progress, ExpiryResult it) {
        progress.stage(
                it.workload() + "-" + it.approach().id() + "-" + it.rate() + "-" + it.backlog(),
                String.format(
                        "sustained %,.0f/s; to commit p50 %.0f ms, p99 %.0f ms, max %.0f ms; to Kafka p99 %.0f ms; left %d; %s",
                        it.sustainedPerSecond(),
                        it.commitLag().p50(),
                        it.commitLag().p99(),
                        it.commitLag().max(),
                        it.kafkaLag().p99(),
                        it.unsettled(),
                        it.note()));
    }
}
