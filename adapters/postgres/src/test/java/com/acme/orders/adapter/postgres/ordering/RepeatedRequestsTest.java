package com.acme.orders.adapter.postgres.ordering;

import static com.acme.orders.adapter.postgres.TestOrders.ALICE;
import static com.acme.orders.adapter.postgres.TestOrders.NOW;
import static com.acme.orders.adapter.postgres.TestOrders.paymentFor;
import static com.acme.orders.adapter.postgres.TestOrders.twoBooks;
import static com.acme.orders.adapter.postgres.jooq.Tables.IDEMPOTENCY_KEYS;
import static com.acme.orders.adapter.postgres.jooq.Tables.ORDERS;
import static com.acme.orders.adapter.postgres.jooq.Tables.RECEIVED_PAYMENTS;
import static org.assertj.core.api.Assertions.assertThat;

import com.acme.orders.adapter.postgres.PostgresAdapterTest;
import com.acme.orders.adapter.postgres.PostgresAdapterTestContext;
import com.acme.orders.application.fakes.MovableClock;
import com.acme.orders.application.fakes.RecordedDeadlines;
import com.acme.orders.application.fakes.RecordedEvents;
import com.acme.orders.application.ordering.CancelOrder;
import com.acme.orders.application.ordering.PlaceOrder;
import com.acme.orders.application.payment.ConfirmPayment;
import com.acme.orders.domain.OrderPaid;
import com.acme.orders.domain.OrderStatus;
import com.acme.orders.domain.Payment;
import com.acme.orders.domain.PaymentReference;
import com.acme.orders.domain.RefundReason;
import com.acme.orders.domain.RefundRequested;
import com.acme.orders.domain.Transition;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Requests that arrive more than once, at the same moment, against PostgreSQL: a client retrying an order with its
 * idempotency key, a provider delivering one payment several times. The guarantees come from unique keys in the
 * database, so they are tested with threads released together by a barrier.
 */
class RepeatedRequestsTest extends PostgresAdapterTest {

    private static final int THREADS = 8;

    private final MovableClock clock = new MovableClock(NOW);
    private final RecordedEvents events = new RecordedEvents();
    private final RecordedDeadlines deadlines = new RecordedDeadlines();
    private PlaceOrder placeOrder;
    private ConfirmPayment confirmPayment;
    private CancelOrder cancelOrder;

    @BeforeEach
    void wireTheUseCases() {
        PostgresAdapterTestContext.deleteAllOrders(db);
        db.truncate(IDEMPOTENCY_KEYS).execute();
        var useCases = useCases(events, deadlines, clock);
        placeOrder = useCases.placeOrder();
        confirmPayment = useCases.confirmPayment();
        cancelOrder = useCases.cancelOrder();
    }

    @Test
    void eight_concurrent_requests_with_one_idempotency_key_create_one_order_and_all_get_it() throws Exception {
        var results = together(() -> placeOrder.place(
                new PlaceOrder.Command(ALICE, twoBooks(), Optional.empty()), Optional.of("retry-storm")));

        assertThat(results.stream().map(placed -> placed.order().id()).distinct())
                .hasSize(1);
        assertThat(results.stream().filter(placed -> !placed.replayed())).hasSize(1);
        assertThat(db.fetchCount(ORDERS)).isEqualTo(1);
        assertThat(db.fetchCount(IDEMPOTENCY_KEYS)).isEqualTo(1);
        assertThat(events.all()).hasSize(1);
    }

    @Test
    void a_payment_delivered_five_times_at_once_pays_once_and_is_announced_once() throws Exception {
        var order = placeOrder.place(new PlaceOrder.Command(ALICE, twoBooks(), Optional.empty()));

        var results = together(() -> confirmPayment.confirm(order.id(), paymentFor(order)), 5);

        assertThat(results.stream().filter(change -> change.transition() instanceof Transition.Changed))
                .hasSize(1);
        assertThat(results.stream().filter(change -> change.transition() instanceof Transition.AlreadyDone))
                .hasSize(4);
        assertThat(orders.find(order.id()).orElseThrow().version()).isEqualTo(1);
        assertThat(events.of(order.id()))
                .filteredOn(OrderPaid.class::isInstance)
                .hasSize(1);
        assertThat(db.fetchCount(RECEIVED_PAYMENTS)).isEqualTo(1);
    }

    @Test
    void a_late_payment_delivered_five_times_at_once_requests_one_refund_and_leaves_the_order_cancelled()
            throws Exception {
        var order = placeOrder.place(new PlaceOrder.Command(ALICE, twoBooks(), Optional.empty()));
        cancelOrder.cancel(order.id(), order.customerId());

        var results = together(() -> confirmPayment.confirm(order.id(), paymentFor(order)), 5);

        assertThat(results)
                .allSatisfy(change -> assertThat(change.transition())
                        .isInstanceOfSatisfying(
                                Transition.Refused.class,
                                refused ->
                                        assertThat(refused.refusal()).isEqualTo(Transition.Refusal.ORDER_CANCELLED)));
        var stored = orders.find(order.id()).orElseThrow();
        assertThat(stored.status()).isEqualTo(OrderStatus.CANCELLED);
        assertThat(stored.version()).isEqualTo(1);
        assertThat(events.of(order.id()))
                .filteredOn(RefundRequested.class::isInstance)
                .hasSize(1);
        assertThat(db.fetchValue(db.select(RECEIVED_PAYMENTS.OUTCOME).from(RECEIVED_PAYMENTS)))
                .isEqualTo("REFUND_REQUESTED");
    }

    @Test
    void a_second_payment_for_a_paid_order_delivered_five_times_at_once_requests_one_refund_and_the_order_stays_paid()
            throws Exception {
        var order = placeOrder.place(new PlaceOrder.Command(ALICE, twoBooks(), Optional.empty()));
        confirmPayment.confirm(order.id(), paymentFor(order));
        var second = new Payment(new PaymentReference("pi_second_" + order.id()), order.total());

        var results = together(() -> confirmPayment.confirm(order.id(), second), 5);

        assertThat(results)
                .allSatisfy(change -> assertThat(change.transition())
                        .isInstanceOfSatisfying(
                                Transition.Refused.class,
                                refused -> assertThat(refused.refusal()).isEqualTo(Transition.Refusal.ORDER_PAID)));
        var stored = orders.find(order.id()).orElseThrow();
        assertThat(stored.status()).isEqualTo(OrderStatus.PAID);
        assertThat(stored.paymentReference()).contains(paymentFor(order).reference());
        assertThat(events.of(order.id()))
                .filteredOn(RefundRequested.class::isInstance)
                .singleElement()
                .isInstanceOfSatisfying(RefundRequested.class, refund -> {
                    assertThat(refund.reason()).isEqualTo(RefundReason.DUPLICATE_PAYMENT);
                    assertThat(refund.paymentReference()).isEqualTo(second.reference());
                });
        assertThat(db.fetchValue(db.select(RECEIVED_PAYMENTS.OUTCOME)
                        .from(RECEIVED_PAYMENTS)
                        .where(RECEIVED_PAYMENTS.PAYMENT_REFERENCE.eq(
                                second.reference().value()))))
                .isEqualTo("REFUND_REQUESTED");
    }

    @Test
    void keys_past_their_retention_are_forgotten_in_batches_and_the_others_kept() {
        for (int i = 0; i < 2_500; i++) {
            placeOrder.place(new PlaceOrder.Command(ALICE, twoBooks(), Optional.empty()), Optional.of("old-" + i));
        }
        clock.advance(Duration.ofHours(23));
        var recent =
                placeOrder.place(new PlaceOrder.Command(ALICE, twoBooks(), Optional.empty()), Optional.of("recent"));
        clock.advance(Duration.ofHours(2));

        int forgotten =
                useCases(events, deadlines, clock).forgetIdempotencyKeys().forgetOlderThan(Duration.ofHours(24));

        assertThat(forgotten).isEqualTo(2_500);
        assertThat(db.fetch(IDEMPOTENCY_KEYS).map(row -> row.getIdempotencyKey()))
                .containsExactly("recent");
        assertThat(db.fetchCount(ORDERS)).as("the orders stay").isEqualTo(2_501);
        assertThat(placeOrder
                        .place(new PlaceOrder.Command(ALICE, twoBooks(), Optional.empty()), Optional.of("recent"))
                        .order()
                        .id())
                .isEqualTo(recent.order().id());
    }

    @Test
    void one_payment_reported_for_two_orders_settles_only_the_first() {
        var first = placeOrder.place(new PlaceOrder.Command(ALICE, twoBooks(), Optional.empty()));
        var second = placeOrder.place(new PlaceOrder.Command(ALICE, twoBooks(), Optional.empty()));
        var payment = paymentFor(first);
        confirmPayment.confirm(first.id(), payment);

        var change = confirmPayment.confirm(second.id(), payment);

        assertThat(change.transition()).isInstanceOf(Transition.Refused.class);
        assertThat(orders.find(second.id()).orElseThrow().status()).isEqualTo(OrderStatus.UNPAID);
    }

    private <T> List<T> together(Callable<T> request) throws Exception {
        return together(request, THREADS);
    }

    /** Runs the request on {@code threads} threads released at the same instant by a barrier. */
    private static <T> List<T> together(Callable<T> request, int threads) throws Exception {
        var barrier = new CyclicBarrier(threads);
        try (var pool = Executors.newFixedThreadPool(threads)) {
            var futures = new ArrayList<Future<T>>();
            for (int i = 0; i < threads; i++) {
                futures.add(pool.submit(() -> {
                    barrier.await(10, TimeUnit.SECONDS);
                    return request.call();
                }));
            }
            var results = new ArrayList<T>();
            for (var future : futures) {
                results.add(future.get(30, TimeUnit.SECONDS));
            }
            return results;
        }
    }
}
