package com.acme.orders.adapter.postgres.change;

import static com.acme.orders.adapter.postgres.TestOrders.ALICE;
import static com.acme.orders.adapter.postgres.TestOrders.BOB;
import static com.acme.orders.adapter.postgres.TestOrders.NOW;
import static com.acme.orders.adapter.postgres.TestOrders.paymentFor;
import static com.acme.orders.adapter.postgres.TestOrders.twoBooks;
import static org.assertj.core.api.Assertions.assertThat;

import com.acme.orders.adapter.postgres.PostgresAdapterTest;
import com.acme.orders.adapter.postgres.PostgresAdapterTestContext;
import com.acme.orders.application.change.OrderChange;
import com.acme.orders.application.deadline.ExpireOrder;
import com.acme.orders.application.fakes.MovableClock;
import com.acme.orders.application.fakes.RecordedDeadlines;
import com.acme.orders.application.fakes.RecordedEvents;
import com.acme.orders.application.ordering.CancelOrder;
import com.acme.orders.application.ordering.PlaceOrder;
import com.acme.orders.application.payment.ConfirmPayment;
import com.acme.orders.domain.CancellationReason;
import com.acme.orders.domain.Order;
import com.acme.orders.domain.OrderCancelled;
import com.acme.orders.domain.OrderEvent;
import com.acme.orders.domain.OrderId;
import com.acme.orders.domain.OrderPaid;
import com.acme.orders.domain.OrderStatus;
import com.acme.orders.domain.Transition;
import com.acme.orders.domain.Transition.Refusal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The races the service claims to win, run for real: the use cases of the application module on this adapter's
 * repository and transactions against PostgreSQL, many threads hitting the same orders at the same moment. Only the
 * event publication and the deadline index are in-memory recorders.
 */
class RacingChangesTest extends PostgresAdapterTest {

    private static final int ORDERS = 200;
    /** Half of them pursue one request on every order, the other half the competing request. */
    private static final int THREADS = 16;

    private final MovableClock clock = new MovableClock(NOW);
    private final RecordedEvents events = new RecordedEvents();
    private final RecordedDeadlines deadlines = new RecordedDeadlines();
    private PlaceOrder placeOrder;
    private ConfirmPayment confirmPayment;
    private CancelOrder cancelOrder;
    private ExpireOrder expireOrder;

    enum Request {
        PAY,
        CANCEL,
        EXPIRE
    }

    record Attempt(OrderId order, Request request, OrderChange change) {

        boolean storedTheChange() {
            return change.order().hasChanged();
        }

        Transition transition() {
            return change.transition();
        }
    }

    @BeforeEach
    void wireTheUseCases() {
        PostgresAdapterTestContext.deleteAllOrders(db);
        var useCases = useCases(events, deadlines, clock);
        placeOrder = useCases.placeOrder();
        confirmPayment = useCases.confirmPayment();
        cancelOrder = useCases.cancelOrder();
        expireOrder = useCases.expireOrder();
    }

    @Test
    void payment_and_customer_cancel_racing_on_every_order_leave_each_in_exactly_one_final_state_announced_once()
            throws Exception {
        var placed = placeOrders();
        clock.advance(Duration.ofMinutes(5));

        var attempts = race(
                placed,
                (thread, order) -> thread % 2 == 0
                        ? new Attempt(order.id(), Request.PAY, confirmPayment.confirm(order.id(), paymentFor(order)))
                        : new Attempt(order.id(), Request.CANCEL, cancelOrder.cancel(order.id(), order.customerId())));

        var attemptsByOrder = attempts.stream().collect(Collectors.groupingBy(Attempt::order));
        for (var order : placed) {
            var stored = orders.find(order.id()).orElseThrow();
            var onThisOrder = attemptsByOrder.get(order.id());
            assertThat(stored.status().isFinal()).isTrue();
            assertThat(stored.version()).isEqualTo(1);
            assertThat(finalEventsOf(order.id()))
                    .singleElement()
                    .isInstanceOf(stored.status() == OrderStatus.PAID ? OrderPaid.class : OrderCancelled.class);

            var winner = onThisOrder.stream().filter(Attempt::storedTheChange).toList();
            assertThat(winner)
                    .singleElement()
                    .satisfies(it -> assertThat(it.transition()).isInstanceOf(Transition.Changed.class));
            var losers =
                    onThisOrder.stream().filter(it -> !it.storedTheChange()).toList();
            if (stored.status() == OrderStatus.PAID) {
                assertThat(winner.getFirst().request()).isEqualTo(Request.PAY);
                assertLosers(losers, Request.PAY, Request.CANCEL, Refusal.ORDER_PAID);
            } else {
                assertThat(stored.cancellationReason()).contains(CancellationReason.CUSTOMER_REQUEST);
                assertThat(winner.getFirst().request()).isEqualTo(Request.CANCEL);
                assertLosers(losers, Request.CANCEL, Request.PAY, Refusal.ORDER_CANCELLED);
            }
        }
        assertThat(deadlines.tracked()).as("no final order is still tracked").isEmpty();
    }

    @Test
    void payments_racing_the_timeout_at_the_deadline_never_win_and_every_order_is_cancelled_by_timeout_once()
            throws Exception {
        var placed = placeOrders();
        clock.set(placed.getFirst().paymentDeadline());

        var attempts = race(
                placed,
                (thread, order) -> thread % 2 == 0
                        ? new Attempt(order.id(), Request.PAY, confirmPayment.confirm(order.id(), paymentFor(order)))
                        : new Attempt(order.id(), Request.EXPIRE, expireOrder.expire(order.id())));

        var attemptsByOrder = attempts.stream().collect(Collectors.groupingBy(Attempt::order));
        for (var order : placed) {
            var stored = orders.find(order.id()).orElseThrow();
            var onThisOrder = attemptsByOrder.get(order.id());
            assertThat(stored.status()).isEqualTo(OrderStatus.CANCELLED);
            assertThat(stored.cancellationReason()).contains(CancellationReason.PAYMENT_TIMEOUT);
            assertThat(stored.version()).isEqualTo(1);
            assertThat(finalEventsOf(order.id()))
                    .singleElement()
                    .isInstanceOfSatisfying(
                            OrderCancelled.class,
                            it -> assertThat(it.reason()).isEqualTo(CancellationReason.PAYMENT_TIMEOUT));
            assertThat(onThisOrder.stream().filter(Attempt::storedTheChange)).hasSize(1);

            // A payment that arrives first still closes the order by timeout, and is refused like every other one.
            assertThat(onThisOrder.stream().filter(it -> it.request() == Request.PAY))
                    .allSatisfy(it -> assertRefused(it, Refusal.ORDER_CANCELLED));
            assertThat(onThisOrder.stream().filter(it -> it.request() == Request.EXPIRE))
                    .allSatisfy(it -> assertThat(it.transition())
                            .isInstanceOf(
                                    it.storedTheChange() ? Transition.Changed.class : Transition.AlreadyDone.class));
        }
        assertThat(events.all()).noneMatch(OrderPaid.class::isInstance);
        assertThat(deadlines.tracked()).as("no final order is still tracked").isEmpty();
    }

    private List<Order> placeOrders() {
        return IntStream.range(0, ORDERS)
                .mapToObj(i -> placeOrder.place(
                        new PlaceOrder.Command(i % 2 == 0 ? ALICE : BOB, twoBooks(), Optional.empty())))
                .toList();
    }

    /**
     * Every thread walks through all orders in the same sequence, released together by a barrier, so the competing
     * requests for one order reach the database at nearly the same moment. Any exception (a ConcurrentOrderChange
     * that escaped the lock, a deadlock) fails the test through {@link Future#get}.
     */
    private List<Attempt> race(List<Order> placed, BiFunction<Integer, Order, Attempt> attempt) throws Exception {
        var start = new CyclicBarrier(THREADS);
        var attempts = new ArrayList<Attempt>();
        try (var pool = Executors.newFixedThreadPool(THREADS)) {
            List<Future<List<Attempt>>> threads = IntStream.range(0, THREADS)
                    .mapToObj(thread -> pool.submit(() -> {
                        start.await();
                        return placed.stream()
                                .map(order -> attempt.apply(thread, order))
                                .toList();
                    }))
                    .toList();
            for (var thread : threads) {
                attempts.addAll(thread.get(5, TimeUnit.MINUTES));
            }
        }
        return attempts;
    }

    private List<OrderEvent> finalEventsOf(OrderId order) {
        return events.of(order).stream()
                .filter(it -> it instanceof OrderPaid || it instanceof OrderCancelled)
                .toList();
    }

    /** The winner's own kind of request was already done; the competing kind is refused, saying why. */
    private static void assertLosers(List<Attempt> losers, Request sameAsWinner, Request competing, Refusal refusal) {
        assertThat(losers).hasSize(THREADS - 1).allSatisfy(it -> {
            if (it.request() == sameAsWinner) {
                assertThat(it.transition()).isInstanceOf(Transition.AlreadyDone.class);
            } else {
                assertThat(it.request()).isEqualTo(competing);
                assertRefused(it, refusal);
            }
        });
    }

    private static void assertRefused(Attempt attempt, Refusal refusal) {
        assertThat(attempt.transition())
                .isInstanceOfSatisfying(
                        Transition.Refused.class,
                        refused -> assertThat(refused.refusal()).isEqualTo(refusal));
    }
}
