package com.acme.orders.benchmarks.reliability;

import com.acme.orders.benchmarks.driver.Credentials;
import com.acme.orders.benchmarks.reliability.History.Action;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

/**
 * Customers placing orders at a fixed rate, round robin over the instances, each order with a plan drawn at random
 * (from the run's seed): paid in time, paid in time with the notification delivered twice, paid after its deadline,
 * cancelled by the customer, or left to time out. Each order lives on a virtual thread of its own that sleeps until
 * its next step, so a slow answer never delays the other orders.
 */
final class Workload {

    enum Plan {
        PAID_IN_TIME,
        PAID_TWICE,
        PAID_LATE,
        CANCELLED_BY_CUSTOMER,
        LEFT_TO_TIME_OUT
    }

    private static final Pattern DEADLINE = Pattern.compile("\"paymentDeadline\":\"([^\"]+)\"");
    private static final String ORDER = """
            {"currency":"EUR","items":[{"sku":"BOOK-1","quantity":2,"unitPrice":"12.50"}]}""";

    private final Client client;
    private final long seed;
    private final Duration window;
    private final AtomicInteger placements = new AtomicInteger();
    private final ConcurrentHashMap<Plan, AtomicInteger> planned = new ConcurrentHashMap<>();
    private final List<String> tokens;

    Workload(Client client, long seed, Duration window) {
        this.client = client;
        this.seed = seed;
        this.window = window;
        // One token per customer for the whole run (valid an hour): signing is not what is under test.
        this.tokens = java.util.stream.IntStream.range(0, 50)
                .mapToObj(i -> Credentials.customerToken("reliability-customer-" + i))
                .toList();
    }

    /** Places {@code rate} orders a second for {@code duration}, then waits until every order's last step is done. */
    void run(int rate, Duration duration) throws InterruptedException {
        try (var lifecycles = Executors.newVirtualThreadPerTaskExecutor();
                var ticks = Executors.newSingleThreadScheduledExecutor()) {
            long total = rate * duration.toSeconds();
            var started = new AtomicInteger();
            var done = new java.util.concurrent.CountDownLatch(1);
            ticks.scheduleAtFixedRate(
                    () -> {
                        int n = started.getAndIncrement();
                        if (n >= total) {
                            done.countDown();
                            return;
                        }
                        lifecycles.execute(() -> lifecycle(n));
                    },
                    0,
                    1_000_000 / rate,
                    TimeUnit.MICROSECONDS);
            done.await();
            ticks.shutdownNow();
        }
    }

    private void lifecycle(int n) {
        var random = new Random(seed * 1_000_003 + n);
        Plan plan = Plan.values()[pick(random)];
        planned.computeIfAbsent(plan, it -> new AtomicInteger()).incrementAndGet();
        String token = "Bearer " + tokens.get(n % tokens.size());
        placements.incrementAndGet();
        var placed = client.send(
                Action.PLACE,
                null,
                "/v1/orders",
                ORDER,
                "Authorization",
                token,
                "Idempotency-Key",
                "reliability-" + seed + "-" + n);
        UUID order = OrderIds.in(placed.body());
        var deadline = DEADLINE.matcher(placed.body());
        if (placed.status() != 201 || order == null || !deadline.find()) {
            return;
        }
        Instant due = Instant.parse(deadline.group(1));
        Instant placedAt = due.minus(window);
        try {
            switch (plan) {
                case PAID_IN_TIME -> {
                    sleepUntil(placedAt.plus(fraction(random, 0.2, 0.6)));
                    pay(Action.PAY, order);
                }
                case PAID_TWICE -> {
                    sleepUntil(placedAt.plus(fraction(random, 0.2, 0.5)));
                    pay(Action.PAY, order);
                    // The provider did not see our answer and delivers the same notification again.
                    Thread.sleep(random.nextInt(200, 1_000));
                    pay(Action.PAY_AGAIN, order);
                }
                case PAID_LATE -> {
                    sleepUntil(due.plusMillis(random.nextInt(300, 2_000)));
                    pay(Action.PAY_LATE, order);
                }
                case CANCELLED_BY_CUSTOMER -> {
                    sleepUntil(placedAt.plus(fraction(random, 0.1, 0.5)));
                    client.send(
                            Action.CANCEL,
                            order,
                            "/v1/orders/" + order + "/cancellation",
                            null,
                            "Authorization",
                            token);
                }
                case LEFT_TO_TIME_OUT -> {
                    // nothing: the service must cancel it
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Mostly orders that are paid or time out, as in a shop; a few of each kind of trouble. */
    private static int pick(Random random) {
        int p = random.nextInt(100);
        if (p < 35) {
            return Plan.PAID_IN_TIME.ordinal();
        }
        if (p < 50) {
            return Plan.PAID_TWICE.ordinal();
        }
        if (p < 60) {
            return Plan.PAID_LATE.ordinal();
        }
        if (p < 70) {
            return Plan.CANCELLED_BY_CUSTOMER.ordinal();
        }
        return Plan.LEFT_TO_TIME_OUT.ordinal();
    }

    private void pay(Action action, UUID order) {
        String body = "{\"orderId\":\"" + order + "\",\"paymentReference\":\"pi_" + order
                + "\",\"amount\":\"25.00\",\"currency\":\"EUR\"}";
        client.send(
                action,
                order,
                "/v1/payment-notifications",
                body,
                "Payment-Signature",
                Credentials.paymentSignature(body));
    }

    private Duration fraction(Random random, double from, double to) {
        return Duration.ofMillis((long) (window.toMillis() * (from + random.nextDouble() * (to - from))));
    }

    private static void sleepUntil(Instant when) throws InterruptedException {
        long millis = Duration.between(Instant.now(), when).toMillis();
        if (millis > 0) {
            Thread.sleep(millis);
        }
    }

    int placements() {
        return placements.get();
    }

    String plans() {
        var text = new StringBuilder();
        for (Plan plan : Plan.values()) {
            var count = planned.get(plan);
            text.append(text.isEmpty() ? "" : ", ")
                    .append(plan.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' '))
                    .append(' ')
                    .append(count == null ? 0 : count.get());
        }
        return text.toString();
    }
}
