package com.acme.orders.application.change;

import static com.acme.orders.application.fakes.UseCaseTestData.ALICE;
import static com.acme.orders.application.fakes.UseCaseTestData.BOB;
import static com.acme.orders.application.fakes.UseCaseTestData.paymentOf;
import static com.acme.orders.application.fakes.UseCaseTestData.twoBooksFor;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.acme.orders.application.change.port.Transactions;
import com.acme.orders.application.fakes.OrderServiceFixture;
import com.acme.orders.application.payment.port.ReceivedPayments;
import com.acme.orders.domain.CancellationReason;
import com.acme.orders.domain.Order;
import com.acme.orders.domain.OrderCancelled;
import com.acme.orders.domain.OrderId;
import com.acme.orders.domain.OrderPaid;
import com.acme.orders.domain.OrderStatus;
import com.acme.orders.domain.RefundRequested;
import com.acme.orders.domain.Transition;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ChangingOrdersTest {

    private final OrderServiceFixture service = new OrderServiceFixture();
    private final Order order = service.placeOrder.place(twoBooksFor(ALICE));

    @Test
    void a_payment_in_time_pays_the_order_stores_it_announces_it_and_untracks_its_deadline() {
        var change = service.confirmPayment.confirm(order.id(), paymentOf("25.00", "pi_1"));

        assertThat(change.transition()).isInstanceOf(Transition.Changed.class);
        var stored = service.orders.stored(order.id());
        assertThat(stored.status()).isEqualTo(OrderStatus.PAID);
        assertThat(stored.version()).isEqualTo(1);
        assertThat(service.events.of(order.id()).getLast()).isInstanceOf(OrderPaid.class);
        assertThat(service.deadlines.tracked()).doesNotContainKey(order.id());
    }

    @Test
    void a_repeated_payment_notification_changes_nothing_and_announces_nothing() {
        service.confirmPayment.confirm(order.id(), paymentOf("25.00", "pi_1"));

        var again = service.confirmPayment.confirm(order.id(), paymentOf("25.00", "pi_1"));

        assertThat(again.transition()).isInstanceOf(Transition.AlreadyDone.class);
        assertThat(service.orders.stored(order.id()).version()).isEqualTo(1);
        assertThat(service.events.of(order.id())).hasSize(2);
    }

    @Test
    void a_payment_after_the_deadline_is_refused_and_the_order_is_stored_cancelled_by_timeout() {
        service.clock.advance(Duration.ofMinutes(30));

        var change = service.confirmPayment.confirm(order.id(), paymentOf("25.00", "pi_1"));

        assertThat(change.transition())
                .isInstanceOfSatisfying(
                        Transition.Refused.class,
                        refused -> assertThat(refused.refusal()).isEqualTo(Transition.Refusal.ORDER_CANCELLED));
        var stored = service.orders.stored(order.id());
        assertThat(stored.status()).isEqualTo(OrderStatus.CANCELLED);
        assertThat(stored.cancellationReason()).contains(CancellationReason.PAYMENT_TIMEOUT);
        assertThat(service.events.of(order.id()).get(1)).isInstanceOf(OrderCancelled.class);
        assertThat(service.events.of(order.id()).getLast()).isInstanceOf(RefundRequested.class);
        assertThat(service.deadlines.tracked()).doesNotContainKey(order.id());
    }

    @Test
    void a_payment_for_a_cancelled_order_leaves_it_cancelled_and_requests_the_refund_exactly_once() {
        service.cancelOrder.cancel(order.id(), ALICE);
        int before = service.events.of(order.id()).size();

        for (int delivery = 0; delivery < 5; delivery++) {
            var change = service.confirmPayment.confirm(order.id(), paymentOf("25.00", "pi_late"));
            assertThat(change.transition())
                    .isInstanceOfSatisfying(
                            Transition.Refused.class,
                            refused -> assertThat(refused.refusal()).isEqualTo(Transition.Refusal.ORDER_CANCELLED));
        }

        var stored = service.orders.stored(order.id());
        assertThat(stored.status()).isEqualTo(OrderStatus.CANCELLED);
        assertThat(stored.version()).isEqualTo(1);
        assertThat(service.events
                        .of(order.id())
                        .subList(before, service.events.of(order.id()).size()))
                .singleElement()
                .isInstanceOfSatisfying(
                        RefundRequested.class,
                        refund -> assertThat(refund.paymentReference().value()).isEqualTo("pi_late"));
        assertThat(service.receivedPayments.all())
                .singleElement()
                .satisfies(it -> assertThat(it.outcome()).isEqualTo(ReceivedPayments.Outcome.REFUND_REQUESTED));
    }

    @Test
    void a_payment_delivered_five_times_pays_the_order_once_and_announces_it_once() {
        for (int delivery = 0; delivery < 5; delivery++) {
            service.confirmPayment.confirm(order.id(), paymentOf("25.00", "pi_1"));
        }

        assertThat(service.orders.stored(order.id()).version()).isEqualTo(1);
        assertThat(service.events.of(order.id()))
                .filteredOn(OrderPaid.class::isInstance)
                .hasSize(1);
        assertThat(service.events.of(order.id())).hasSize(2);
    }

    @Test
    void a_payment_already_applied_to_one_order_is_refused_for_another_and_changes_nothing() {
        var other = service.placeOrder.place(twoBooksFor(BOB));
        service.confirmPayment.confirm(order.id(), paymentOf("25.00", "pi_1"));

        var change = service.confirmPayment.confirm(other.id(), paymentOf("25.00", "pi_1"));

        assertThat(change.transition())
                .isInstanceOfSatisfying(
                        Transition.Refused.class,
                        refused -> assertThat(refused.refusal()).isEqualTo(Transition.Refusal.PAYMENT_MISMATCH));
        assertThat(service.orders.stored(other.id()).status()).isEqualTo(OrderStatus.UNPAID);
        assertThat(service.events.of(other.id())).hasSize(1);
    }

    @Test
    void a_mismatched_payment_leaves_the_order_unpaid_and_stores_nothing() {
        var change = service.confirmPayment.confirm(order.id(), paymentOf("24.99", "pi_1"));

        assertThat(change.transition()).isInstanceOf(Transition.Refused.class);
        assertThat(service.orders.stored(order.id()).version()).isZero();
        assertThat(service.events.of(order.id())).hasSize(1);
        assertThat(service.deadlines.tracked()).containsKey(order.id());
        assertThat(service.receivedPayments.all()).singleElement().satisfies(received -> {
            assertThat(received.outcome()).isEqualTo(ReceivedPayments.Outcome.REFUSED);
            assertThat(received.refusal()).contains(Transition.Refusal.PAYMENT_MISMATCH);
            assertThat(received.amount().amount()).isEqualByComparingTo("24.99");
        });
    }

    @Test
    void a_payment_in_time_by_the_database_clock_pays_the_order_even_on_an_instance_whose_clock_runs_fast() {
        // By this instance's clock the deadline passed a second ago; by the database's, two seconds are left.
        service.clock.advance(Duration.ofMinutes(30).plusSeconds(1));
        service.transactions.databaseClockAt(order.paymentDeadline().minusSeconds(2));

        var change = service.confirmPayment.confirm(order.id(), paymentOf("25.00", "pi_1"));

        assertThat(change.transition()).isInstanceOf(Transition.Changed.class);
        assertThat(service.orders.stored(order.id()).status()).isEqualTo(OrderStatus.PAID);
    }

    @Test
    void a_customer_who_cancels_in_time_by_the_database_clock_cancels_by_request_even_on_a_fast_instance() {
        service.clock.advance(Duration.ofMinutes(30).plusSeconds(1));
        service.transactions.databaseClockAt(order.paymentDeadline().minusSeconds(2));

        service.cancelOrder.cancel(order.id(), ALICE);

        assertThat(service.orders.stored(order.id()).cancellationReason())
                .as("not a timeout before the deadline")
                .contains(CancellationReason.CUSTOMER_REQUEST);
    }

    @Test
    void a_customer_cancels_their_own_unpaid_order() {
        var change = service.cancelOrder.cancel(order.id(), ALICE);

        assertThat(change.order().status()).isEqualTo(OrderStatus.CANCELLED);
        assertThat(service.orders.stored(order.id()).cancellationReason())
                .contains(CancellationReason.CUSTOMER_REQUEST);
    }

    @Test
    void another_customer_cannot_cancel_an_order_and_cannot_even_learn_it_exists() {
        assertThatThrownBy(() -> service.cancelOrder.cancel(order.id(), BOB)).isInstanceOf(OrderNotFound.class);
        assertThat(service.orders.stored(order.id()).status()).isEqualTo(OrderStatus.UNPAID);
    }

    @Test
    void an_unknown_order_is_not_found() {
        assertThatThrownBy(() -> service.confirmPayment.confirm(OrderId.newId(), paymentOf("1.00", "pi_1")))
                .isInstanceOf(OrderNotFound.class);
    }

    @Test
    void a_timeout_after_payment_changes_nothing() {
        service.confirmPayment.confirm(order.id(), paymentOf("25.00", "pi_1"));
        service.clock.advance(Duration.ofHours(1));

        var change = service.expireOrder.expire(order.id());

        assertThat(change.transition()).isInstanceOf(Transition.Refused.class);
        assertThat(service.orders.stored(order.id()).status()).isEqualTo(OrderStatus.PAID);
        assertThat(service.events.of(order.id())).hasSize(2);
    }

    @Test
    void an_order_expires_only_once() {
        service.clock.advance(Duration.ofMinutes(31));

        service.expireOrder.expire(order.id());
        var again = service.expireOrder.expire(order.id());

        assertThat(again.transition()).isInstanceOf(Transition.AlreadyDone.class);
        assertThat(service.events.of(order.id()).stream().filter(OrderCancelled.class::isInstance))
                .hasSize(1);
    }

    @Test
    void a_batch_that_fails_because_the_database_is_away_fails_whole_and_is_not_split_order_by_order() {
        var attempts = new AtomicInteger();
        var away = new Transactions() {
            @Override
            public <T> T inTransaction(Supplier<T> work) {
                attempts.incrementAndGet();
                throw new IllegalStateException("no connection to the database");
            }

            @Override
            public boolean isUnavailable(RuntimeException failure) {
                return true;
            }
        };
        var changes = new OrderChanges(service.orders, service.events, new AfterNothing(), away);
        var ids = IntStream.range(0, 64)
                .mapToObj(i -> service.placeOrder.place(twoBooksFor(ALICE)).id())
                .toList();

        assertThatThrownBy(() -> changes.applyToAllApart(ids, it -> it.expire(service.clock.instant())))
                .hasMessage("no connection to the database");
        assertThat(attempts).hasValue(1);
    }

    /** No index to keep in step. */
    private static final class AfterNothing implements AfterCommit {
        @Override
        public void unpaid(OrderId order, Instant deadline) {}

        @Override
        public void placed(OrderId order, Instant placedAt, Instant deadline, Instant closesAt) {}

        @Override
        public void settled(OrderId order) {}

        @Override
        public void settledAll(Collection<OrderId> orders) {}
    }
}
