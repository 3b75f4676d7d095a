package com.acme.orders.application.deadline;

import static com.acme.orders.application.fakes.OrderServiceFixture.BATCH_SIZE;
import static com.acme.orders.application.fakes.OrderServiceFixture.LEASE;
import static com.acme.orders.application.fakes.UseCaseTestData.ALICE;
import static com.acme.orders.application.fakes.UseCaseTestData.paymentOf;
import static com.acme.orders.application.fakes.UseCaseTestData.twoBooksFor;
import static org.assertj.core.api.Assertions.assertThat;

import com.acme.orders.application.fakes.OrderServiceFixture;
import com.acme.orders.domain.CancellationReason;
import com.acme.orders.domain.Order;
import com.acme.orders.domain.OrderCancelled;
import com.acme.orders.domain.OrderId;
import com.acme.orders.domain.OrderStatus;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ExpiringDueOrdersTest {

    private final OrderServiceFixture service = new OrderServiceFixture();

    @Test
    void due_unpaid_orders_are_cancelled_by_timeout_in_one_transaction_and_leave_the_index() {
        var placed = place(3);
        service.clock.advance(Duration.ofMinutes(30));
        int transactionsBefore = service.transactions.opened();

        var batch = service.expireDueOrders.expireNextBatch();

        assertThat(batch.claimed()).isEqualTo(3);
        assertThat(batch.cancelled())
                .extracting(ExpireDueOrders.Batch.Cancelled::order)
                .containsExactlyInAnyOrderElementsOf(
                        placed.stream().map(Order::id).toList());
        assertThat(service.transactions.opened() - transactionsBefore).isOne();
        placed.forEach(order -> {
            var stored = service.orders.stored(order.id());
            assertThat(stored.status()).isEqualTo(OrderStatus.CANCELLED);
            assertThat(stored.cancellationReason()).contains(CancellationReason.PAYMENT_TIMEOUT);
            assertThat(cancellationsOf(order.id())).isOne();
        });
        assertThat(service.deadlines.tracked()).isEmpty();
    }

    @Test
    void orders_not_yet_due_are_not_claimed() {
        place(2);
        service.clock.advance(Duration.ofMinutes(29));

        var batch = service.expireDueOrders.expireNextBatch();

        assertThat(batch.claimed()).isZero();
        assertThat(service.deadlines.tracked()).hasSize(2);
    }

    @Test
    void a_paid_order_left_in_the_index_is_acknowledged_as_already_settled_and_stays_paid() {
        var order = place(1).getFirst();
        service.confirmPayment.confirm(order.id(), paymentOf("25.00", "pi_1"));
        // The forget after the payment's commit was lost, or a rebuild read the order just before it was paid.
        service.deadlines.track(order.id(), order.paymentDeadline());
        service.clock.advance(Duration.ofMinutes(31));

        var batch = service.expireDueOrders.expireNextBatch();

        assertThat(batch.alreadySettled()).isOne();
        assertThat(batch.cancelled()).isEmpty();
        assertThat(service.orders.stored(order.id()).status()).isEqualTo(OrderStatus.PAID);
        assertThat(service.deadlines.tracked()).isEmpty();
    }

    @Test
    void an_order_claimed_before_its_deadline_goes_back_to_the_index_at_its_real_deadline() {
        var order = place(1).getFirst();
        // An entry with a wrong, early score: a clock that ran ahead, a bug elsewhere.
        service.deadlines.track(order.id(), service.clock.instant());

        var batch = service.expireDueOrders.expireNextBatch();

        assertThat(batch.notYetDue()).isOne();
        assertThat(service.orders.stored(order.id()).status()).isEqualTo(OrderStatus.UNPAID);
        assertThat(service.deadlines.tracked()).containsEntry(order.id(), order.paymentDeadline());
    }

    @Test
    void an_instance_whose_clock_runs_fast_cancels_an_order_only_once_its_deadline_passed_by_the_database_clock() {
        var order = place(1).getFirst();
        // This instance's clock is 3 s ahead of the database's: by its own, the order is a second overdue.
        service.clock.advance(Duration.ofMinutes(30).plusSeconds(1));
        service.transactions.databaseClockAt(order.paymentDeadline().minusSeconds(2));

        var early = service.expireDueOrders.expireNextBatch();

        assertThat(early.notYetDue()).isOne();
        assertThat(service.orders.stored(order.id()).status()).isEqualTo(OrderStatus.UNPAID);
        assertThat(service.deadlines.tracked()).containsEntry(order.id(), order.paymentDeadline());

        service.transactions.databaseClockAt(order.paymentDeadline().plusMillis(1));
        var due = service.expireDueOrders.expireNextBatch();

        assertThat(due.cancelled()).hasSize(1);
        assertThat(service.orders.stored(order.id()).cancelledAt())
                .as("cancelled at the database's time, the earlier of the two clocks")
                .contains(order.paymentDeadline().plusMillis(1));
    }

    @Test
    void a_batch_done_twice_changes_nothing_the_second_time() {
        var placed = place(3);
        service.clock.advance(Duration.ofMinutes(30));
        service.expireDueOrders.expireNextBatch();
        var eventsAfterFirst = service.events.all();
        // The same entries delivered again, as after an acknowledgement that never reached Redis.
        placed.forEach(it -> service.deadlines.track(it.id(), it.paymentDeadline()));

        var again = service.expireDueOrders.expireNextBatch();

        assertThat(again.claimed()).isEqualTo(3);
        assertThat(again.alreadySettled()).isEqualTo(3);
        assertThat(again.cancelled()).isEmpty();
        assertThat(service.events.all()).isEqualTo(eventsAfterFirst);
        placed.forEach(
                it -> assertThat(service.orders.stored(it.id()).version()).isOne());
    }

    @Test
    void a_claim_that_is_never_acknowledged_is_done_by_the_next_worker_after_the_lease() {
        var order = place(1).getFirst();
        service.clock.advance(Duration.ofMinutes(30));
        // A worker that claims and dies before it does anything.
        service.deadlines.claimDue(service.clock.instant(), BATCH_SIZE, LEASE);

        assertThat(service.expireDueOrders.expireNextBatch().claimed())
                .as("hidden during the lease")
                .isZero();
        service.clock.advance(LEASE);
        var batch = service.expireDueOrders.expireNextBatch();

        assertThat(batch.cancelled())
                .extracting(ExpireDueOrders.Batch.Cancelled::order)
                .containsExactly(order.id());
        assertThat(service.orders.stored(order.id()).status()).isEqualTo(OrderStatus.CANCELLED);
    }

    @Test
    void a_backlog_larger_than_a_batch_is_cancelled_batch_by_batch_and_the_last_batch_says_it_is_short() {
        place(BATCH_SIZE * 2 + 5);
        service.clock.advance(Duration.ofMinutes(30));

        var first = service.expireDueOrders.expireNextBatch();
        var second = service.expireDueOrders.expireNextBatch();
        var third = service.expireDueOrders.expireNextBatch();

        assertThat(List.of(first.full(), second.full(), third.full())).containsExactly(true, true, false);
        assertThat(third.cancelled()).hasSize(5);
        assertThat(service.events.all().stream().filter(OrderCancelled.class::isInstance))
                .hasSize(BATCH_SIZE * 2 + 5);
    }

    @Test
    void an_index_entry_of_an_unknown_order_is_acknowledged_and_dropped() {
        var ghost = OrderId.newId();
        service.deadlines.track(ghost, service.clock.instant());

        var batch = service.expireDueOrders.expireNextBatch();

        assertThat(batch.alreadySettled()).isOne();
        assertThat(service.deadlines.tracked()).isEmpty();
    }

    private List<Order> place(int count) {
        return IntStream.range(0, count)
                .mapToObj(i -> service.placeOrder.place(twoBooksFor(ALICE)))
                .toList();
    }

    private long cancellationsOf(OrderId order) {
        return service.events.of(order).stream()
                .filter(OrderCancelled.class::isInstance)
                .count();
    }
}
