package com.acme.orders.benchmarks.driver;

import com.acme.orders.application.deadline.port.PendingDeadline;
import com.acme.orders.benchmarks.Approach;
import com.acme.orders.benchmarks.limits.LimitResult;
import com.acme.orders.benchmarks.limits.PgbenchFrontDoor;
import com.acme.orders.benchmarks.limits.WrkCrossCheck;
import com.acme.orders.benchmarks.servers.Servers;
import com.acme.orders.benchmarks.service.TrivialEndpoint;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongFunction;
import org.jspecify.annotations.Nullable;

/**
 * The front door: placing an order, confirming a payment, reading an order and listing a customer's orders
 * over REST, each closed-model at several client counts and open-model at several arrival rates, next to the baselines
 * of the same run: the trivial endpoint on the same HTTP stack and security chain, pgbench running the same
 * transactions at the same concurrency, and wrk placing orders as the driver does.
 */
final class FrontDoorRun {

    static final String ORDER = "{\"currency\":\"EUR\",\"items\":[{\"sku\":\"BOOK-1\",\"quantity\":2,"
            + "\"unitPrice\":\"12.50\"},{\"sku\":\"PEN-7\",\"quantity\":1,\"unitPrice\":\"0.99\"}]}";
    static final List<String> WORKLOADS = List.of("trivial", "place", "pay", "get", "list");
    private static final int CUSTOMERS = 128;
    private static final int ORDERS_PER_CUSTOMER = 40;
    private static final String PAYER = "benchmark-payer";
    private static final int WARM_UP_ROUNDS = 4;

    record Outcome(
            List<FrontDoorLoad.Result> loads,
            List<LimitResult> pgbench,
            WrkCrossCheck.@Nullable Figures wrk,
            FrontDoorLoad.@Nullable Result driverBesideWrk,
            List<String> notes) {}

    private final BenchmarkDatabase database;
    private final RedisProbe redis;
    private final Servers servers;
    private final BenchmarkOptions options;
    private final Progress progress;

    FrontDoorRun(
            BenchmarkDatabase database,
            RedisProbe redis,
            Servers servers,
            BenchmarkOptions options,
            Progress progress) {
        this.database = database;
        this.redis = redis;
        this.servers = servers;
        this.options = options;
        this.progress = progress;
    }

    Outcome run() throws Exception {
        var notes = new ArrayList<String>();
        database.reset();
        redis.flushAll();
        Duration step = options.frontDoorTime();
        int pool = paymentsNeeded();
        progress.stage(
                "front-door", "seeding " + CUSTOMERS * ORDERS_PER_CUSTOMER + " orders to read and " + pool + " to pay");
        var later = Instant.now().plus(Duration.ofHours(3));
        var tokens = new ArrayList<String>();
        var ordersOf = new ArrayList<List<PendingDeadline>>();
        for (int c = 0; c < CUSTOMERS; c++) {
            String customer = "benchmark-customer-" + c;
            tokens.add(Credentials.customerToken(customer));
            ordersOf.add(database.unpaidOrders(customer, ORDERS_PER_CUSTOMER, i -> later));
        }
        List<PendingDeadline> payable = database.unpaidOrders(PAYER, pool, i -> later);
        database.vacuum();
        var paid = new AtomicLong();

        var loads = new ArrayList<FrontDoorLoad.Result>();
        WrkCrossCheck.Figures wrk = null;
        FrontDoorLoad.Result besideWrk = null;
        progress.stage("front-door", "starting the service JVM");
        try (var service = ServiceProcess.start(Approach.SERVICE, servers, Benchmark.LOGS, "front-door", List.of())) {
            service.awaitReady(Duration.ofMinutes(3));
            notes.add(warmUp(service, tokens, ordersOf, payable, paid));
            for (String workload : WORKLOADS) {
                var generator = requests(workload, tokens, ordersOf, payable, paid);
                for (int clients : options.frontDoorClients()) {
                    loads.add(report(load(service, workload).closed(workload, clients, step, generator)));
                }
                for (int rate : options.frontDoorRates()) {
                    loads.add(report(load(service, workload).open(workload, rate, step, generator)));
                }
            }
            var wrkMissing = WrkCrossCheck.unavailable();
            if (wrkMissing.isPresent()) {
                notes.add(wrkMissing.get());
            } else {
                wrk = WrkCrossCheck.placeOrders(
                        service.port(), 32, step, ORDER, tokens, Path.of("benchmarks/target/limits"));
                besideWrk = load(service, "place")
                        .closed("place", 32, step, requests("place", tokens, ordersOf, payable, paid));
                progress.stage(
                        "front-door",
                        String.format(
                                "wrk placed %,.0f orders/s (p99 %.0f ms), the driver %,.0f/s (p99 %.0f ms)",
                                wrk.perSecond(),
                                wrk.p99(),
                                besideWrk.servedPerSecond(),
                                besideWrk.latency().p99()));
            }
        }
        if (paid.get() > pool) {
            notes.add(String.format(
                    "the payment workload ran out of unpaid orders after %,d payments: the rest were repeats,"
                            + " answered ALREADY_PAID",
                    pool));
        }
        var pgbench = new ArrayList<LimitResult>();
        if (PgbenchFrontDoor.installed()) {
            progress.stage("front-door", "pgbench running the placement and payment transactions");
            database.reset();
            pgbench.addAll(new PgbenchFrontDoor(Math.max(pool, 100_000), step)
                    .measure(servers, options.frontDoorClients(), Path.of("benchmarks/target/limits")));
            pgbench.forEach(it ->
                    progress.stage("front-door", String.format("pgbench %s: %,.0f/s", it.workload(), it.perSecond())));
        } else {
            notes.add("pgbench is not installed: no database baseline");
        }
        database.reset();
        return new Outcome(loads, pgbench, wrk, besideWrk, notes);
    }

    /**
     * Rounds of every workload at 32 clients until a round passes in which the JIT compiler threads used less than a
     * tenth of the round's time, at least two rounds and at most {@value #WARM_UP_ROUNDS}: a figure of a JVM that is
     * still compiling measures its start, not the front door (the expiry runs warm up the same way).
     */
    private String warmUp(
            ServiceProcess service,
            List<String> tokens,
            List<List<PendingDeadline>> ordersOf,
            List<PendingDeadline> payable,
            AtomicLong paid)
            throws Exception {
        var jit = new JitCompilerActivity(service.pid());
        double compiling = Double.NaN;
        for (int round = 1; round <= WARM_UP_ROUNDS; round++) {
            long start = System.nanoTime();
            var before = jit.compilerSeconds();
            for (String workload : WORKLOADS) {
                var warm = load(service, workload)
                        .closed(
                                workload,
                                32,
                                options.frontDoorWarmUp(),
                                requests(workload, tokens, ordersOf, payable, paid));
                progress.stage(
                        "front-door",
                        String.format("warm-up %d, %s: %,.0f/s", round, workload, warm.servedPerSecond()));
            }
            boolean quiet = jit.awaitQuiet(0.10, Duration.ofSeconds(20));
            var after = jit.compilerSeconds();
            if (before.isEmpty() || after.isEmpty()) {
                return "warm-up: " + round + " round(s) of every workload (JIT activity not readable here)";
            }
            compiling = after.getAsDouble() - before.getAsDouble();
            double seconds = (System.nanoTime() - start) / 1e9;
            progress.stage(
                    "front-door", String.format("warm-up %d: JIT %.1f s of CPU in %.0f s", round, compiling, seconds));
            if (round >= 2 && quiet && compiling < 0.10 * seconds) {
                return String.format(
                        "warm-up: %d rounds of every workload at 32 clients, %d s each, JIT %.1f s of CPU in the last",
                        round, options.frontDoorWarmUp().toSeconds(), compiling);
            }
        }
        return String.format(
                "warm-up: %d rounds of every workload at 32 clients, %d s each, JIT still %.1f s of CPU in the last",
                WARM_UP_ROUNDS, options.frontDoorWarmUp().toSeconds(), compiling);
    }

    private FrontDoorLoad.Result report(FrontDoorLoad.Result it) {
        progress.stage(
                "front-door",
                String.format(
                        "%s %s %d: %,.0f/s served, %,d refused, %,d failed; p50 %.1f ms, p99 %.1f ms",
                        it.workload(),
                        it.model(),
                        it.level(),
                        it.servedPerSecond(),
                        it.refused(),
                        it.failed(),
                        it.latency().p50(),
                        it.latency().p99()));
        return it;
    }

    /** Every setting pays distinct orders, as customers do; a margin for the warm-up and the fastest settings. */
    private int paymentsNeeded() {
        long seconds = options.frontDoorTime().toSeconds();
        long closed = options.frontDoorClients().size() * 3_000L * seconds;
        long open =
                options.frontDoorRates().stream().mapToLong(it -> it * seconds).sum();
        return (int) (closed
                + open
                + WARM_UP_ROUNDS * 3_000L * options.frontDoorWarmUp().toSeconds());
    }

    private static FrontDoorLoad load(ServiceProcess service, String workload) {
        return new FrontDoorLoad(service.port(), workload.equals("place") ? 201 : 200);
    }

    static LongFunction<byte[]> requests(
            String workload,
            List<String> tokens,
            List<List<PendingDeadline>> ordersOf,
            List<PendingDeadline> payable,
            AtomicLong paid) {
        return switch (workload) {
            case "trivial" ->
                i -> HttpConnection.request(
                        "GET", TrivialEndpoint.PATH, null, "Authorization", "Bearer " + token(tokens, i));
            case "place" ->
                i -> HttpConnection.request(
                        "POST",
                        "/v1/orders",
                        ORDER,
                        "Content-Type",
                        "application/json",
                        "Authorization",
                        "Bearer " + token(tokens, i));
            case "pay" ->
                i -> {
                    var order = payable.get((int) (paid.getAndIncrement() % payable.size()))
                            .order()
                            .value();
                    String body = "{\"orderId\":\"" + order + "\",\"paymentReference\":\"pi_" + order
                            + "\",\"amount\":\"25.00\",\"currency\":\"EUR\"}";
                    return HttpConnection.request(
                            "POST",
                            "/v1/payment-notifications",
                            body,
                            "Content-Type",
                            "application/json",
                            "Payment-Signature",
                            Credentials.paymentSignature(body));
                };
            case "get" ->
                i -> {
                    int customer = (int) (i % tokens.size());
                    var orders = ordersOf.get(customer);
                    var order = orders.get((int) ((i / tokens.size()) % orders.size()));
                    return HttpConnection.request(
                            "GET",
                            "/v1/orders/" + order.order().value(),
                            null,
                            "Authorization",
                            "Bearer " + tokens.get(customer));
                };
            case "list" ->
                i -> HttpConnection.request(
                        "GET", "/v1/orders?limit=20", null, "Authorization", "Bearer " + token(tokens, i));
            default -> throw new IllegalArgumentException("no front-door workload " + workload);
        };
    }

    private static String token(List<String> tokens, long i) {
        return tokens.get((int) (i % tokens.size()));
    }
}
