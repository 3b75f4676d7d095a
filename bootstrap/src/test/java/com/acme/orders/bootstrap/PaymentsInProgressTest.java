package com.acme.orders.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.acme.orders.application.deadline.RebuildDeadlineIndex;
import com.acme.orders.application.deadline.port.PendingDeadline;
import com.acme.orders.application.fakes.RecordedEvents;
import com.acme.orders.application.payment.ConfirmPayment;
import com.acme.orders.domain.Money;
import com.acme.orders.domain.OrderCancelled;
import com.acme.orders.domain.OrderPaid;
import com.acme.orders.domain.Payment;
import com.acme.orders.domain.PaymentReference;
import com.acme.orders.domain.RefundRequested;
import com.acme.orders.domain.Transition;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Payments in progress at the deadline, for real, with the timeout worker and the sweeper running: every order has a
 * payment reported started shortly before its deadline; a third then succeed shortly after the deadline, a third fail
 * shortly after it, a third are never heard of again. The first are paid and nothing is refunded, the second are
 * cancelled at once, the third when their hold ends; each order once, and never again.
 */
class PaymentsInProgressTest {

    private static final int ORDERS = 1_200;
    private static final Duration HOLD = Duration.ofSeconds(3);
    private static final int THREADS = 32;

    private enum Outcome {
        SUCCEEDS,
        FAILS,
        SILENT
    }

    private record Attempt(PendingDeadline order, Outcome outcome, Instant reportAt) {}

    @Test
    void a_payment_in_progress_holds_the_timeout_until_its_outcome_or_the_end_of_the_hold() throws Exception {
        var events = new RecordedEvents();
        try (var service =
                ServiceInstance.start(events, Map.of("orders.payments.in-progress-hold", HOLD.toMillis() + "ms"))) {
            var data = new TimeoutTestData(service.bean(DataSource.class));
            data.reset();
            var start = Instant.now().plusSeconds(6);
            var seeded = data.unpaidOrders(ORDERS, i -> start.plusMillis(i * 2_000L / ORDERS));
            service.bean(RebuildDeadlineIndex.class).rebuild();
            var confirmPayment = service.bean(ConfirmPayment.class);

            var started = inParallel(
                    seeded,
                    order -> confirmPayment
                            .started(order.order(), reference(order), Money.of("25.00", "EUR"))
                            .transition());
            assertThat(started)
                    .as("every payment started before its order's deadline")
                    .allSatisfy(transition -> assertThat(transition).isInstanceOf(Transition.Noted.class));

            var attempts = new ArrayList<Attempt>();
            for (int i = 0; i < seeded.size(); i++) {
                var order = seeded.get(i);
                attempts.add(new Attempt(
                        order,
                        Outcome.values()[i % 3],
                        order.deadline().plusMillis(ThreadLocalRandom.current().nextLong(2, 500))));
            }
            var queue = new ConcurrentLinkedQueue<>(attempts.stream()
                    .filter(it -> it.outcome() != Outcome.SILENT)
                    .sorted(Comparator.comparing(Attempt::reportAt))
                    .toList());
            try (var providers = Executors.newFixedThreadPool(THREADS)) {
                for (int i = 0; i < THREADS; i++) {
                    providers.submit(() -> {
                        Attempt next;
                        while ((next = queue.poll()) != null) {
                            TimeoutTestData.sleepUntil(next.reportAt());
                            var order = next.order().order();
                            var transition = next.outcome() == Outcome.SUCCEEDS
                                    ? confirmPayment
                                            .confirm(
                                                    order,
                                                    new Payment(reference(next.order()), Money.of("25.00", "EUR")))
                                            .transition()
                                    : confirmPayment
                                            .failed(order, reference(next.order()))
                                            .transition();
                            assertThat(transition).isInstanceOf(Transition.Changed.class);
                        }
                        return null;
                    });
                }
            }
            assertThat(data.awaitNoUnpaidDueBy(seeded.getLast().deadline(), HOLD.plusSeconds(30)))
                    .isTrue();
            var settled = data.statuses();
            Thread.sleep(2_500); // longer than a lease and two sweeps: nothing may change any more
            assertThat(data.statuses()).isEqualTo(settled);

            var jdbc = new JdbcTemplate(service.bean(DataSource.class));
            var terminal = TimeoutTestData.terminalEventsByOrder(events);
            assertThat(terminal).hasSize(ORDERS);
            assertThat(events.all()).noneMatch(RefundRequested.class::isInstance);
            for (var attempt : attempts) {
                var order = attempt.order();
                assertThat(terminal.get(order.order())).hasSize(1);
                var row = jdbc.queryForMap(
                        "SELECT status, cancelled_at, version, payment_in_progress FROM orders WHERE id = ?",
                        order.order().value());
                assertThat(row.get("payment_in_progress")).isNull();
                assertThat((Long) row.get("version"))
                        .as("stored twice: the payment started, then the end")
                        .isEqualTo(2);
                switch (attempt.outcome()) {
                    case SUCCEEDS ->
                        assertThat(terminal.get(order.order()).getFirst()).isInstanceOf(OrderPaid.class);
                    case FAILS -> {
                        assertThat(terminal.get(order.order()).getFirst()).isInstanceOf(OrderCancelled.class);
                        assertThat(cancelledAt(row))
                                .as("cancelled at the failure, not at the end of the hold")
                                .isBefore(order.deadline().plus(HOLD));
                    }
                    case SILENT -> {
                        assertThat(terminal.get(order.order()).getFirst()).isInstanceOf(OrderCancelled.class);
                        assertThat(cancelledAt(row))
                                .as("cancelled when the hold ended, not at the deadline")
                                .isAfterOrEqualTo(order.deadline().plus(HOLD));
                    }
                }
            }
            // The worker ends the holds nobody settled (the sweeper would take one only if the worker fell behind).
            assertThat(service.counterOnceAt("orders.payments.holds.ended", ORDERS / 3.0, Duration.ofSeconds(5)))
                    .isPositive()
                    .isLessThanOrEqualTo(ORDERS / 3.0);
            System.out.println(
                    "Payments in progress: " + settled + "; cancelled after their deadline: " + data.lagDistribution());
        }
    }

    private static PaymentReference reference(PendingDeadline order) {
        return new PaymentReference("pi_3ds_" + order.order());
    }

    private static Instant cancelledAt(Map<String, Object> row) {
        return ((Timestamp) row.get("cancelled_at")).toInstant();
    }

    private static <T> List<T> inParallel(
            List<PendingDeadline> orders, java.util.function.Function<PendingDeadline, T> call) throws Exception {
        try (var pool = Executors.newFixedThreadPool(THREADS)) {
            var futures =
                    orders.stream().map(it -> pool.submit(() -> call.apply(it))).toList();
            var results = new ArrayList<T>();
            for (var future : futures) {
                results.add(future.get());
            }
            return results;
        }
    }
}
