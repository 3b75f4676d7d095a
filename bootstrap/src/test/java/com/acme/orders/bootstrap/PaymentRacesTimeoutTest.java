package com.acme.orders.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.acme.orders.application.change.OrderChange;
import com.acme.orders.application.deadline.RebuildDeadlineIndex;
import com.acme.orders.application.deadline.port.PendingDeadline;
import com.acme.orders.application.fakes.RecordedEvents;
import com.acme.orders.application.payment.ConfirmPayment;
import com.acme.orders.domain.Money;
import com.acme.orders.domain.OrderCancelled;
import com.acme.orders.domain.OrderEvent;
import com.acme.orders.domain.OrderId;
import com.acme.orders.domain.OrderPaid;
import com.acme.orders.domain.Payment;
import com.acme.orders.domain.PaymentReference;
import com.acme.orders.domain.Transition;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * Payments arriving around the deadline while the timeout worker fires, for real: every order must end either paid or
 * cancelled, announced once, and never change again.
 */
class PaymentRacesTimeoutTest {

    private static final int ORDERS = 2_000;
    private static final int CAPTURED_ORDERS = 1_000;
    private static final int GRACE_ORDERS = 800;
    private static final int PAYING_THREADS = 32;

    @Test
    void payments_and_timeouts_racing_around_the_deadline_leave_every_order_paid_or_cancelled_with_one_final_event()
            throws Exception {
        var events = new RecordedEvents();
        try (var service = ServiceInstance.start(events, Map.of())) {
            var data = new TimeoutTestData(service.bean(DataSource.class));
            data.reset();
            var start = Instant.now().plusSeconds(3);
            var seeded = data.unpaidOrders(ORDERS, i -> start.plusMillis(i * 2_000L / ORDERS));
            // As PlaceOrder would have; a rebuild also marks the index complete, so no sweeper rebuild resets a claim.
            service.bean(RebuildDeadlineIndex.class).rebuild();

            // Each payment is sent between 150 ms before and 50 ms after its order's deadline: on a busy machine it
            // reaches the database a little later, right where the worker is cancelling.
            var answers = payAround(
                    service,
                    seeded,
                    it -> it.deadline().plusMillis(ThreadLocalRandom.current().nextLong(-150, 51)),
                    it -> new Payment(new PaymentReference("pi_" + it.order()), Money.of("25.00", "EUR")));
            assertThat(data.awaitNoUnpaidDueBy(seeded.getLast().deadline(), Duration.ofSeconds(30)))
                    .isTrue();
            var settled = data.statuses();
            Thread.sleep(2_500); // longer than a lease and two sweeps: nothing may change any more
            assertThat(data.statuses()).isEqualTo(settled);

            System.out.println("Payment versus timeout at the deadline: " + settled);
            assertThat(settled.getOrDefault("PAID", 0L) + settled.getOrDefault("CANCELLED", 0L))
                    .isEqualTo(ORDERS);
            assertThat(settled.get("PAID")).as("some payments won").isPositive();
            assertThat(settled.get("CANCELLED")).as("some timeouts won").isPositive();
            assertThat(data.storedMoreThanOnce()).isZero();
            var terminal = TimeoutTestData.terminalEventsByOrder(events);
            assertThat(terminal).hasSize(ORDERS);
            assertThat(answers).hasSize(ORDERS);
            terminal.forEach((order, its) -> assertEndedOnce(its, answers.get(order)));
        }
    }

    /**
     * Every payment reaches the service after its order's deadline; the provider says when it took the money, just
     * before the deadline for most, just after it for the others. A payment captured in time wins whenever it reaches
     * the order before the worker does, however late; one captured late never does; each order still ends once.
     */
    @Test
    void payments_captured_before_the_deadline_and_reported_after_it_race_the_worker_and_only_they_can_win()
            throws Exception {
        var events = new RecordedEvents();
        try (var service = ServiceInstance.start(events, Map.of())) {
            var data = new TimeoutTestData(service.bean(DataSource.class));
            data.reset();
            var start = Instant.now().plusSeconds(3);
            var seeded = data.unpaidOrders(CAPTURED_ORDERS, i -> start.plusMillis(i * 2_000L / CAPTURED_ORDERS));
            service.bean(RebuildDeadlineIndex.class).rebuild();
            // Captured up to 100 ms before the deadline for four in five, up to 50 ms after it for the fifth.
            var capturedAt = new HashMap<OrderId, Instant>();
            for (int i = 0; i < seeded.size(); i++) {
                long offset = i % 5 == 4
                        ? ThreadLocalRandom.current().nextLong(0, 51)
                        : -ThreadLocalRandom.current().nextLong(1, 101);
                capturedAt.put(seeded.get(i).order(), seeded.get(i).deadline().plusMillis(offset));
            }

            var answers = payAround(
                    service,
                    seeded,
                    // From 2 ms after the deadline: a sleep may end a little early, and the point is a report after it.
                    it -> it.deadline().plusMillis(ThreadLocalRandom.current().nextLong(2, 151)),
                    it -> new Payment(
                            new PaymentReference("pi_" + it.order()),
                            Money.of("25.00", "EUR"),
                            capturedAt.get(it.order())));
            assertThat(data.awaitNoUnpaidDueBy(seeded.getLast().deadline(), Duration.ofSeconds(30)))
                    .isTrue();

            var settled = data.statuses();
            System.out.println("Payment captured in time versus timeout, reported late: " + settled);
            assertThat(settled.getOrDefault("PAID", 0L) + settled.getOrDefault("CANCELLED", 0L))
                    .isEqualTo(CAPTURED_ORDERS);
            assertThat(settled.get("PAID"))
                    .as("payments captured in time and reported late won")
                    .isPositive();
            assertThat(data.storedMoreThanOnce()).isZero();
            var terminal = TimeoutTestData.terminalEventsByOrder(events);
            assertThat(terminal).hasSize(CAPTURED_ORDERS);
            terminal.forEach((order, its) -> {
                assertEndedOnce(its, answers.get(order));
                if (its.getFirst() instanceof OrderPaid paid) {
                    assertThat(capturedAt.get(order))
                            .as("only a payment captured before the deadline wins")
                            .isBefore(answers.get(order).order().paymentDeadline());
                    assertThat(paid.occurredAt()).isEqualTo(capturedAt.get(order));
                }
            });
        }
    }

    /**
     * With a settlement grace the timeout waits for the notifications in flight: every payment captured before its
     * deadline and reported within the grace after it pays its order, and the orders nobody pays are cancelled once
     * the grace is over, not at their deadline.
     */
    @Test
    void with_a_settlement_grace_every_payment_captured_in_time_and_reported_within_it_pays_its_order()
            throws Exception {
        var grace = Duration.ofSeconds(1);
        var events = new RecordedEvents();
        try (var service = ServiceInstance.start(events, Map.of("orders.payments.settlement-grace", "1s"))) {
            var data = new TimeoutTestData(service.bean(DataSource.class));
            data.reset();
            var start = Instant.now().plusSeconds(3);
            var seeded = data.unpaidOrders(GRACE_ORDERS, i -> start.plusMillis(i * 2_000L / GRACE_ORDERS), grace);
            service.bean(RebuildDeadlineIndex.class).rebuild();
            var paying =
                    seeded.stream().filter(it -> seeded.indexOf(it) % 4 != 0).toList();
            var silent =
                    seeded.stream().filter(it -> seeded.indexOf(it) % 4 == 0).toList();

            var answers = payAround(
                    service,
                    paying,
                    it -> it.deadline().plusMillis(ThreadLocalRandom.current().nextLong(2, 800)),
                    it -> new Payment(
                            new PaymentReference("pi_" + it.order()),
                            Money.of("25.00", "EUR"),
                            it.deadline()
                                    .minusMillis(ThreadLocalRandom.current().nextLong(1, 101))));
            assertThat(data.awaitNoUnpaidDueBy(seeded.getLast().deadline(), grace.plusSeconds(30)))
                    .isTrue();

            assertThat(answers.values())
                    .allSatisfy(it -> assertThat(it.transition()).isInstanceOf(Transition.Changed.class));
            assertThat(data.count("PAID")).isEqualTo(paying.size());
            assertThat(events.all()).noneMatch(it -> it instanceof com.acme.orders.domain.RefundRequested);
            var jdbc = new org.springframework.jdbc.core.JdbcTemplate(service.bean(DataSource.class));
            for (var order : silent) {
                var cancelledAt = jdbc.queryForObject(
                        "SELECT cancelled_at FROM orders WHERE id = ?",
                        java.sql.Timestamp.class,
                        order.order().value());
                assertThat(cancelledAt.toInstant())
                        .isAfterOrEqualTo(order.deadline().plus(grace));
            }
            System.out.println("With a settlement grace of " + grace + ": " + data.statuses());
        }
    }

    /** The order ended once: paid by this payment, or cancelled by the timeout and the payment refused as too late. */
    private static void assertEndedOnce(List<OrderEvent> its, OrderChange answer) {
        assertThat(its).hasSize(1);
        if (its.getFirst() instanceof OrderPaid) {
            assertThat(answer.transition()).isInstanceOf(Transition.Changed.class);
        } else {
            assertThat(its.getFirst()).isInstanceOf(OrderCancelled.class);
            assertThat(answer.transition())
                    .isInstanceOfSatisfying(
                            Transition.Refused.class,
                            refused -> assertThat(refused.refusal()).isEqualTo(Transition.Refusal.ORDER_CANCELLED));
        }
    }

    /** Sends each order's payment at its time from many threads, and collects the answers. */
    private static Map<OrderId, OrderChange> payAround(
            ServiceInstance service,
            List<PendingDeadline> orders,
            Function<PendingDeadline, Instant> sendAt,
            Function<PendingDeadline, Payment> paymentOf)
            throws InterruptedException {
        var queue = new ConcurrentLinkedQueue<>(orders.stream()
                .map(it -> Map.entry(it, sendAt.apply(it)))
                .sorted(Map.Entry.comparingByValue(Comparator.naturalOrder()))
                .toList());
        var answers = new ConcurrentHashMap<OrderId, OrderChange>();
        var confirmPayment = service.bean(ConfirmPayment.class);
        try (var payers = Executors.newFixedThreadPool(PAYING_THREADS)) {
            for (int i = 0; i < PAYING_THREADS; i++) {
                payers.submit(() -> {
                    Map.Entry<PendingDeadline, Instant> next;
                    while ((next = queue.poll()) != null) {
                        TimeoutTestData.sleepUntil(next.getValue());
                        var order = next.getKey();
                        answers.put(order.order(), confirmPayment.confirm(order.order(), paymentOf.apply(order)));
                    }
                    return null;
                });
            }
        }
        return answers;
    }
}
