package com.acme.orders.benchmarks.driver;

import com.acme.orders.adapter.redis.deadline.RedisDeadlineIndex;
import com.acme.orders.application.deadline.port.PendingDeadline;
import com.acme.orders.benchmarks.Approach;
import com.acme.orders.benchmarks.approaches.DeadlineTracking;
import com.acme.orders.benchmarks.approaches.DeadlineTrackings;
import com.acme.orders.benchmarks.servers.Servers;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;

/**
 * One expiry run from a clean state: the run's orders of the previous run removed, Redis empty, the backlog tracked
 * the way the approach tracks it, a fresh service JVM. Then {@code rate × window} orders fall due at a constant rate
 * (seeded a few seconds ahead, tracked the way placing them would), optionally with most of them paid over REST just
 * before their deadline; the run ends when every due order is settled and its event consumed, or when it gives up.
 * Lags: deadline to the commit of the cancelling transaction ({@code pg_xact_commit_timestamp}), and deadline to the
 * arrival of the cancelled event at a Kafka consumer.
 */
final class ExpiryRun {

    /**
     * The mix as providers send it: the payment carries its capture time, and the service honours it for a settlement
     * grace, so a payment taken in time is applied even when the service answers it after the deadline.
     */
    static final String MIX_CAPTURED = "mix-captured";

    /** Three tries of a payment refused once a second fit in it. */
    static final Duration SETTLEMENT_GRACE = Duration.ofSeconds(3);

    /**
     * The flash-sale herd: {@code rate} orders all due within one second (a sale or a campaign ending), measured as any
     * wave; customers place and read orders beside it for {@link #HERD_CUSTOMERS_FOR}, which covers its cancellations.
     */
    static final String HERD = "herd";

    static final Duration HERD_CUSTOMERS_FOR = Duration.ofSeconds(30);

    /**
     * Redis loses its data in the middle of a wave ({@code FLUSHALL} half-way through its window): the due orders
     * tracked in it so far are gone, and the service must notice, rebuild the index from the database and cancel every
     * due order on time all the same, while the rebuild of the whole backlog is still under way.
     */
    static final String FLUSH = "flush";

    private static final int TRACK_CHUNK = 100_000;
    private static final int WARM_UP_ORDERS = 5_000;
    private static final Duration WARM_UP_LIMIT = Duration.ofSeconds(30);
    private static final int WARM_UP_ROUNDS = 4;
    private static final double CONVERGED_COMPILER_SHARE = 0.10;

    private final BenchmarkDatabase database;
    private final RedisProbe redis;
    private final Servers servers;
    private final BenchmarkOptions options;
    private final Progress progress;

    ExpiryRun(
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

    ExpiryResult run(
            String workload,
            Approach approach,
            int rate,
            int backlog,
            List<PendingDeadline> backlogOrders,
            double paidShare,
            @Nullable CustomersBeside customers)
            throws Exception {
        String name = workload + "-" + approach.id() + "-" + rate + "-" + backlog;
        progress.stage(name, "cleaning up the previous run");
        database.removeRunOrders();
        redis.flushAll();
        long emptyMemory = redis.usedMemory();
        var notes = new ArrayList<String>();
        if (customers != null) {
            customers.seed(database);
            notes.add(customers.describe() + " during the wave");
        }
        try (var tracking = DeadlineTrackings.of(approach, servers)) {
            if (approach != Approach.SERVICE) {
                long start = System.nanoTime();
                for (int from = 0; from < backlogOrders.size(); from += TRACK_CHUNK) {
                    progress.stage(name, "tracking the backlog: " + from + " of " + backlogOrders.size());
                    tracking.track(backlogOrders.subList(from, Math.min(backlogOrders.size(), from + TRACK_CHUNK)));
                }
                if (backlog > 0) {
                    notes.add(String.format("backlog tracked in %.1f s", (System.nanoTime() - start) / 1e9));
                }
            }
            progress.stage(name, "starting the service JVM");
            boolean captured = workload.equals(MIX_CAPTURED);
            List<String> serviceArguments = captured
                    ? List.of("--orders.payments.settlement-grace=" + SETTLEMENT_GRACE.toSeconds() + "s")
                    : List.of();
            if (captured) {
                notes.add(String.format(
                        "payments carry the provider's capture time and are sent again after Retry-After when"
                                + " refused; settlement grace %d s, so the cancellation lags above include it",
                        SETTLEMENT_GRACE.toSeconds()));
            }
            try (var service = ServiceProcess.start(approach, servers, Benchmark.LOGS, name, serviceArguments)) {
                service.awaitReady(Duration.ofMinutes(3));
                if (approach == Approach.SERVICE) {
                    // The service rebuilds its index from the database at start-up: the backlog is indexed by the
                    // service itself, and the due wave waits until that is done, as steady state would have it.
                    long start = System.nanoTime();
                    progress.stage(name, "waiting for the service's start-up rebuild of the deadline index");
                    awaitKey(RedisDeadlineIndex.REBUILT_MARKER, Duration.ofMinutes(10));
                    notes.add(String.format("start-up index rebuild %.1f s", (System.nanoTime() - start) / 1e9));
                }
                double bytesPerPending =
                        backlog == 0 ? Double.NaN : (redis.usedMemory() - emptyMemory) / (double) backlog;
                if (customers != null) {
                    progress.stage(name, "warming up the customers' requests");
                    customers.warmUp(service, options.frontDoorWarmUp());
                }
                warmUp(name, tracking, service, paidShare, captured, notes);
                try (var events = new EventWatch(servers.kafkaBootstrapServers(), "orders.events")) {
                    return measure(
                            workload,
                            name,
                            approach,
                            rate,
                            backlog,
                            paidShare,
                            captured,
                            tracking,
                            service,
                            events,
                            bytesPerPending,
                            customers,
                            notes);
                }
            }
        }
    }

    /**
     * A fresh JVM runs its first thousands of cancellations interpreted while the JIT compiles on the same two cores:
     * without a warm-up, every run would measure the start of a process rather than the approach. So each service JVM
     * first cancels orders of a customer of their own in rounds of {@value #WARM_UP_ORDERS}, due at 1,000 per second,
     * the same for every approach, until a round passes in which the JIT compiler threads used less than
     * {@value #CONVERGED_COMPILER_SHARE} of the round's time ({@link JitCompilerActivity} says why one round was not
     * enough), at most {@value #WARM_UP_ROUNDS} rounds. The measured wave starts once the last round is settled, its
     * events have left the outbox and the compiler is quiet. When the measured wave is paid over REST, so is the same
     * share of every warm-up round, the same way: the payment path is compiled before it is measured, as the
     * cancellation path is.
     */
    private void warmUp(
            String name,
            DeadlineTracking tracking,
            ServiceProcess service,
            double paidShare,
            boolean captured,
            List<String> notes)
            throws Exception {
        var jit = new JitCompilerActivity(service.pid());
        double compiling = Double.NaN;
        for (int round = 1; round <= WARM_UP_ROUNDS; round++) {
            long roundStart = System.nanoTime();
            var compiledBefore = jit.compilerSeconds();
            Instant first = Instant.now().plusSeconds(2);
            progress.stage(name, "warming up, round " + round + ": " + WARM_UP_ORDERS + " orders due at 1,000/s");
            var orders = database.unpaidOrders(BenchmarkDatabase.WARM_UP_CUSTOMER, WARM_UP_ORDERS, first::plusMillis);
            track(tracking, orders, captured);
            try (var payments = paidShare > 0 ? new Payments(service, orders, paidShare, captured) : null) {
                if (!awaitWarmUpSettled(first.plusMillis(WARM_UP_ORDERS).plus(WARM_UP_LIMIT), payments)) {
                    notes.add("warm-up round " + round + " not finished after " + WARM_UP_LIMIT.toSeconds() + " s");
                    return;
                }
            }
            boolean quiet = jit.awaitQuiet(CONVERGED_COMPILER_SHARE, Duration.ofSeconds(20));
            var compiledAfter = jit.compilerSeconds();
            if (compiledBefore.isEmpty() || compiledAfter.isEmpty()) {
                notes.add("warm-up: one round (JIT activity not readable here)");
                return;
            }
            compiling = compiledAfter.getAsDouble() - compiledBefore.getAsDouble();
            double roundSeconds = (System.nanoTime() - roundStart) / 1e9;
            if (quiet && compiling < CONVERGED_COMPILER_SHARE * roundSeconds) {
                notes.add(String.format(
                        "warm-up: %d rounds of %,d orders, JIT %.1f s of CPU in the last",
                        round, WARM_UP_ORDERS, compiling));
                return;
            }
        }
        notes.add(String.format(
                "warm-up: %d rounds of %,d orders, JIT still %.1f s of CPU in the last",
                WARM_UP_ROUNDS, WARM_UP_ORDERS, compiling));
    }

    /**
     * The seeded orders into the approach's index. With the settlement grace ({@code captured}), as the service itself
     * places an order: it closes, and is tracked, at its deadline plus the grace.
     */
    private void track(DeadlineTracking tracking, List<PendingDeadline> orders, boolean captured) throws Exception {
        if (!captured) {
            tracking.track(orders);
            return;
        }
        database.closeAfterGrace(orders, SETTLEMENT_GRACE);
        tracking.track(orders.stream()
                .map(it -> new PendingDeadline(it.order(), it.deadline().plus(SETTLEMENT_GRACE)))
                .toList());
    }

    private boolean awaitWarmUpSettled(Instant giveUp, @Nullable Payments payments) throws Exception {
        while (Instant.now().isBefore(giveUp)) {
            Thread.sleep(500);
            if ((payments == null || payments.answered() == payments.scheduled())
                    && database.count("SELECT count(*) FROM orders WHERE customer_id = '"
                                    + BenchmarkDatabase.WARM_UP_CUSTOMER + "' AND status = 'UNPAID'")
                            == 0
                    && database.outboxRows() == 0) {
                return true;
            }
        }
        return false;
    }

    private ExpiryResult measure(
            String workload,
            String name,
            Approach approach,
            int rate,
            int backlog,
            double paidShare,
            boolean captured,
            com.acme.orders.benchmarks.approaches.DeadlineTracking tracking,
            ServiceProcess service,
            EventWatch events,
            double bytesPerPending,
            @Nullable CustomersBeside customers,
            List<String> notes)
            throws Exception {
        Duration window = workload.equals(HERD) ? Duration.ofSeconds(1) : options.window();
        int due = (int) (rate * window.toSeconds());
        // The service is idle here (warm-up settled, the seeding below is the driver's own work).
        var allocatedBefore = service.allocatedBytes();
        // Room to write and track the due orders before the first of them is due.
        Instant first = Instant.now().plusSeconds(3).plusMillis(due / 15L);
        progress.stage(name, "seeding " + due + " orders due from " + first);
        List<PendingDeadline> dueOrders = database.unpaidOrders(
                BenchmarkDatabase.DUE_CUSTOMER, due, i -> first.plusNanos(i * 1_000_000_000L / rate));
        // Statistics of the table as it is now: autovacuum tends to analyze it right after the warm-up, when every
        // order in it is cancelled, and a wave planned on those statistics cost PostgreSQL twice the CPU in one run of
        // four (docs/timeouts.md). A shop's orders table never turns from all cancelled to mostly unpaid in seconds.
        database.vacuum();
        track(tracking, dueOrders, captured);
        if (Instant.now().isAfter(first)) {
            notes.add("seeded " + Duration.between(first, Instant.now()).toMillis() + " ms after the first deadline");
        }
        Instant last = dueOrders.getLast().deadline();
        var payments = paidShare > 0 ? new Payments(service, dueOrders, paidShare, captured) : null;
        var loss = workload.equals(FLUSH) ? new RedisLoss(redis, first.plus(window.dividedBy(2))) : null;
        var besideWave = customers == null
                ? null
                : customers.startAt(service, first, workload.equals(HERD) ? HERD_CUSTOMERS_FOR : window);
        Instant giveUp = last.plus(options.giveUpAfter());
        long expectedCancellations = due - (payments == null ? 0 : payments.scheduled());
        var cpu = new CpuShares(service.pid());
        while (true) {
            Thread.sleep(1_000);
            if (!Instant.now().isBefore(first) && !cpu.started()) {
                cpu.start();
            }
            long settled = database.count("SELECT count(*) FROM orders WHERE customer_id = '"
                    + BenchmarkDatabase.DUE_CUSTOMER + "' AND status <> 'UNPAID'");
            progress.stage(
                    name,
                    String.format(
                            "%+5.0f s from the first deadline: %d of %d settled, %d cancelled " + "events consumed%s",
                            Duration.between(first, Instant.now()).toMillis() / 1e3,
                            settled,
                            due,
                            events.cancellations(),
                            payments == null ? "" : ", payments answered " + payments.answered()));
            boolean done = Instant.now().isAfter(last)
                    && settled == due
                    && events.cancellations() >= expectedCancellations
                    && (payments == null || payments.answered() == payments.scheduled())
                    && (loss == null || loss.rebuilt() != null);
            if (done || Instant.now().isAfter(giveUp)) {
                // From the first deadline to the last event consumed (or giving up): the work of the wave.
                notes.add(cpu.sinceStart());
                if (!done) {
                    notes.add("gave up " + options.giveUpAfter().toSeconds() + " s after the last deadline");
                }
                break;
            }
        }
        Thread.sleep(500); // late duplicates, if any, to be counted
        var allocatedAfter = service.allocatedBytes();
        double allocated = allocatedBefore.isPresent() && allocatedAfter.isPresent()
                ? allocatedAfter.getAsDouble() - allocatedBefore.getAsDouble()
                : Double.NaN;
        if (payments != null) {
            payments.close();
            notes.add(payments.describe());
        }
        if (loss != null) {
            loss.close();
        }
        List<FrontDoorLoad.Result> customerResults = besideWave == null ? List.of() : besideWave.results();
        return result(
                workload,
                approach,
                rate,
                backlog,
                dueOrders,
                first,
                last,
                events,
                bytesPerPending,
                allocated,
                notes,
                customerResults,
                loss);
    }

    private ExpiryResult result(
            String workload,
            Approach approach,
            int rate,
            int backlog,
            List<PendingDeadline> dueOrders,
            Instant first,
            Instant last,
            EventWatch events,
            double bytesPerPending,
            double allocated,
            List<String> notes,
            List<FrontDoorLoad.Result> customers,
            @Nullable RedisLoss loss)
            throws Exception {
        Instant flushed = loss == null ? null : loss.flushed();
        var lagAfterLoss = new Lags();
        long dueAfterLoss = 0;
        Map<UUID, Instant> deadlines = new HashMap<>(dueOrders.size() * 2);
        dueOrders.forEach(it -> deadlines.put(it.order().value(), it.deadline()));
        var commitLag = new Lags();
        var kafkaLag = new Lags();
        long cancelled = 0;
        long steady = 0;
        var worstBySecond = new TreeMap<Long, Long>();
        Instant steadyFrom = first.plusSeconds(1);
        for (var it : database.settledDueOrders()) {
            if (!"CANCELLED".equals(it.status())) {
                continue;
            }
            cancelled++;
            boolean afterLoss = flushed != null && !it.deadline().isBefore(flushed);
            if (afterLoss) {
                dueAfterLoss++;
            }
            if (it.committed() != null) {
                long lag = Clocks.micros(it.committed()) - Clocks.micros(it.deadline());
                commitLag.record(lag);
                worstBySecond.merge(Duration.between(first, it.deadline()).toSeconds(), lag, Math::max);
                if (afterLoss) {
                    lagAfterLoss.record(Clocks.micros(it.committed()) - Clocks.micros(it.deadline()));
                }
                if (!it.committed().isBefore(steadyFrom) && !it.committed().isAfter(last)) {
                    steady++;
                }
            }
            Long arrived = events.cancelledAtMicros().get(it.order());
            if (arrived != null) {
                kafkaLag.record(arrived - Clocks.micros(it.deadline()));
            }
        }
        // In the log, not the report: where in the wave the worst lags were (a slow start, a stall, a growing queue).
        var worst = new StringBuilder();
        worstBySecond.forEach((second, lag) -> worst.append(' ')
                .append(second)
                .append("s:")
                .append(lag / 1_000)
                .append("ms"));
        progress.stage(
                workload + "-" + approach.id() + "-" + rate + "-" + backlog,
                "worst commit lag by second of deadline:" + worst);
        double steadySeconds = Duration.between(steadyFrom, last).toNanos() / 1e9;
        long unsettled = database.count("SELECT count(*) FROM orders WHERE customer_id = '"
                + BenchmarkDatabase.DUE_CUSTOMER + "' AND status = 'UNPAID'");
        return new ExpiryResult(
                workload,
                approach,
                rate,
                backlog,
                dueOrders.size(),
                cancelled,
                steadySeconds > 0 ? steady / steadySeconds : Double.NaN,
                commitLag.summary(),
                kafkaLag.summary(),
                unsettled,
                events.ordersWithSeveralTerminalEvents(),
                bytesPerPending,
                cancelled == 0 ? Double.NaN : allocated / cancelled,
                String.join("; ", notes),
                customers,
                loss == null || flushed == null
                        ? ExpiryResult.Loss.NONE
                        : new ExpiryResult.Loss(
                                Duration.between(first, flushed).toMillis() / 1e3,
                                loss.rebuilt() == null
                                        ? Double.NaN
                                        : Duration.between(flushed, loss.rebuilt())
                                                        .toMillis()
                                                / 1e3,
                                dueAfterLoss,
                                lagAfterLoss.summary()));
    }

    /**
     * A {@code FLUSHALL} of the Redis at {@code at}, then a watch for the service's rebuilt marker, which its rebuild
     * writes once the index holds every unpaid order of the database again.
     */
    private static final class RedisLoss implements AutoCloseable {

        private final Thread watch;
        private volatile @Nullable Instant flushed;
        private volatile @Nullable Instant rebuilt;

        RedisLoss(RedisProbe redis, Instant at) {
            watch = Thread.ofPlatform().name("redis-loss").start(() -> {
                try {
                    Thread.sleep(Math.max(0, Duration.between(Instant.now(), at).toMillis()));
                    redis.flushAll();
                    flushed = Instant.now();
                    while (!redis.exists(RedisDeadlineIndex.REBUILT_MARKER)) {
                        Thread.sleep(20);
                    }
                    rebuilt = Instant.now();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
        }

        @Nullable
        Instant flushed() {
            return flushed;
        }

        @Nullable
        Instant rebuilt() {
            return rebuilt;
        }

        @Override
        public void close() throws InterruptedException {
            watch.interrupt();
            watch.join();
        }
    }

    private void awaitKey(String key, Duration atMost) throws InterruptedException {
        var giveUp = Instant.now().plus(atMost);
        while (!redis.exists(key)) {
            if (Instant.now().isAfter(giveUp)) {
                throw new IllegalStateException("no " + key + " in Redis after " + atMost);
            }
            Thread.sleep(200);
        }
    }

    /**
     * The customers who pay: a share of the due orders, each paid over REST by a signed provider notification at a
     * random moment in the last second before its deadline (50 to 1,000 ms before it). Each is sent at its moment on an
     * idle kept-alive connection, or a new one, like a provider's webhook sender with as many connections as it needs;
     * its latency counts from the moment it was meant to be sent, so a driver or a service that falls behind shows.
     */
    private static final class Payments implements AutoCloseable {

        /** A payment sent this long before its deadline had time enough: a refund for it is the service's fault. */
        static final long EARLY_ENOUGH_MILLIS = 100;

        private record Planned(Instant at, Instant deadline, UUID order, long beforeMillis) {}

        /** How long a refused payment is sent again, after each Retry-After, as a provider's webhook sender does. */
        static final Duration RETRIED_FOR = Duration.ofSeconds(10);

        private final Thread sender;
        private final int scheduled;
        private final int early;
        private final AtomicLong answered = new AtomicLong();
        private final AtomicLong earlyRefunded = new AtomicLong();
        private final Map<String, AtomicLong> outcomes = new ConcurrentHashMap<>();
        private final Lags latency = new Lags();
        private final java.util.concurrent.ConcurrentLinkedQueue<HttpConnection> idle =
                new java.util.concurrent.ConcurrentLinkedQueue<>();

        private final boolean captured;

        /**
         * {@code captured}: each notification carries the moment the provider took the money (its planned send time), and a
         * refused one ({@code 503}) is sent again after the {@code Retry-After} second for {@link #RETRIED_FOR}.
         */
        Payments(ServiceProcess service, List<PendingDeadline> due, double share, boolean captured) {
            this.captured = captured;
            var paid = new ArrayList<Planned>();
            for (var it : due) {
                if (ThreadLocalRandom.current().nextDouble() < share) {
                    long before = ThreadLocalRandom.current().nextLong(50, 1_000);
                    paid.add(new Planned(
                            it.deadline().minusMillis(before),
                            it.deadline(),
                            it.order().value(),
                            before));
                }
            }
            paid.sort(java.util.Comparator.comparing(Planned::at));
            scheduled = paid.size();
            early = (int) paid.stream()
                    .filter(it -> it.beforeMillis() >= EARLY_ENOUGH_MILLIS)
                    .count();
            sender = Thread.ofPlatform().name("payments").start(() -> {
                for (var it : paid) {
                    long wait = Duration.between(Instant.now(), it.at()).toNanos();
                    if (wait > 0) {
                        java.util.concurrent.locks.LockSupport.parkNanos(wait);
                        if (Thread.currentThread().isInterrupted()) {
                            return;
                        }
                    }
                    Thread.ofVirtual().start(() -> pay(service, it));
                }
            });
        }

        private void pay(ServiceProcess service, Planned payment) {
            long intended = System.nanoTime()
                    - Duration.between(payment.at(), Instant.now()).toNanos();
            String body = "{\"orderId\":\"" + payment.order() + "\",\"paymentReference\":\"pi_" + payment.order()
                    + "\",\"amount\":\"25.00\",\"currency\":\"EUR\""
                    + (captured ? ",\"capturedAt\":\"" + payment.at() + "\"" : "")
                    + "}";
            byte[] request = HttpConnection.request(
                    "POST",
                    "/v1/payment-notifications",
                    body,
                    "Content-Type",
                    "application/json",
                    "Payment-Signature",
                    Credentials.paymentSignature(body));
            String outcome;
            HttpConnection connection = idle.poll();
            try {
                if (connection == null) {
                    connection = new HttpConnection(service.port());
                }
                var answer = connection.send(request);
                Instant lastTry = payment.deadline().plus(RETRIED_FOR);
                while (captured
                        && answer.status() == 503
                        && Instant.now().plusSeconds(1).isBefore(lastTry)) {
                    Thread.sleep(1_000);
                    if (!connection.isOpen()) {
                        connection = new HttpConnection(service.port());
                    }
                    answer = connection.send(request);
                }
                latency.record((System.nanoTime() - intended) / 1_000);
                outcome = answer.status() != 200
                        ? "HTTP " + answer.status()
                        : answer.body().replaceAll(".*\"result\":\"([A-Z_]+)\".*", "$1");
                if (connection.isOpen()) {
                    idle.offer(connection);
                }
            } catch (Exception e) {
                if (connection != null) {
                    connection.close();
                }
                outcome = "failed: " + e.getClass().getSimpleName();
            }
            if (outcome.equals("REFUND_REQUESTED") && payment.beforeMillis() >= EARLY_ENOUGH_MILLIS) {
                earlyRefunded.incrementAndGet();
            }
            outcomes.computeIfAbsent(outcome, it -> new AtomicLong()).incrementAndGet();
            answered.incrementAndGet();
        }

        int scheduled() {
            return scheduled;
        }

        long answered() {
            return answered.get();
        }

        /** Read by {@link Report} for the targets: keep the wording of "sent at least … REFUND_REQUESTED". */
        String describe() {
            var summary = latency.summary();
            return String.format(
                    "%d payments in the last second before the deadline: answers %s; of %d sent at least %d ms before"
                            + " their deadline, %d answered REFUND_REQUESTED; payment latency from the intended send"
                            + " p50 %.0f ms, p99 %.0f ms",
                    scheduled,
                    new java.util.TreeMap<>(outcomes),
                    early,
                    EARLY_ENOUGH_MILLIS,
                    earlyRefunded.get(),
                    summary.p50(),
                    summary.p99());
        }

        @Override
        public void close() throws InterruptedException {
            sender.interrupt();
            sender.join();
            HttpConnection it;
            while ((it = idle.poll()) != null) {
                it.close();
            }
        }
    }
}
