package com.acme.orders.application.deadline;

import static com.acme.orders.application.fakes.OrderServiceFixture.BATCH_SIZE;
import static com.acme.orders.application.fakes.OrderServiceFixture.SWEEP_MARGIN;
import static com.acme.orders.application.fakes.UseCaseTestData.ALICE;
import static com.acme.orders.application.fakes.UseCaseTestData.paymentOf;
import static com.acme.orders.application.fakes.UseCaseTestData.twoBooksFor;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.acme.orders.application.deadline.port.PendingDeadline;
import com.acme.orders.application.fakes.OrderServiceFixture;
import com.acme.orders.application.fakes.RecordedDeadlines;
import com.acme.orders.domain.CancellationReason;
import com.acme.orders.domain.Order;
import com.acme.orders.domain.OrderStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class SweepingAndRebuildingTest {

    private static final Duration PAYMENT_WINDOW = Duration.ofMinutes(30);

    private final OrderServiceFixture service = new OrderServiceFixture();

    @Test
    void the_sweeper_cancels_every_overdue_order_the_index_lost_across_several_batches() {
        var placed = place(BATCH_SIZE * 2 + 3);
        service.deadlines.clear();
        service.clock.advance(PAYMENT_WINDOW.plus(SWEEP_MARGIN));

        int repaired = service.sweepOverdueOrders.sweep().repaired();

        assertThat(repaired).isEqualTo(placed.size());
        placed.forEach(it -> assertThat(service.orders.stored(it.id()).cancellationReason())
                .contains(CancellationReason.PAYMENT_TIMEOUT));
    }

    @Test
    void the_sweeper_leaves_orders_within_the_margin_to_the_worker_and_never_touches_paid_ones() {
        var paid = place(1).getFirst();
        service.confirmPayment.confirm(paid.id(), paymentOf("25.00", "pi_1"));
        var recent = place(1).getFirst();
        service.clock.advance(PAYMENT_WINDOW.plus(SWEEP_MARGIN).minusSeconds(1));

        assertThat(service.sweepOverdueOrders.sweep().repaired()).isZero();
        assertThat(service.orders.stored(recent.id()).status()).isEqualTo(OrderStatus.UNPAID);
        assertThat(service.orders.stored(paid.id()).status()).isEqualTo(OrderStatus.PAID);
    }

    @Test
    void a_second_sweep_finds_nothing_left_to_repair() {
        place(3);
        service.clock.advance(PAYMENT_WINDOW.plus(SWEEP_MARGIN));
        service.sweepOverdueOrders.sweep();

        assertThat(service.sweepOverdueOrders.sweep().repaired()).isZero();
    }

    @Test
    void a_rebuild_tracks_every_unpaid_order_at_its_deadline_and_no_settled_one() {
        var unpaid = place(BATCH_SIZE * 2 + 1);
        var paid = place(1).getFirst();
        service.confirmPayment.confirm(paid.id(), paymentOf("25.00", "pi_1"));
        service.deadlines.clear();

        long tracked = service.rebuildDeadlineIndex.rebuildIfLost();

        assertThat(tracked).isEqualTo(unpaid.size());
        assertThat(service.deadlines.tracked()).hasSize(unpaid.size()).doesNotContainKey(paid.id());
        unpaid.forEach(it -> assertThat(service.deadlines.tracked()).containsEntry(it.id(), it.paymentDeadline()));
    }

    @Test
    void an_index_that_was_rebuilt_and_lost_nothing_since_is_not_rebuilt_again() {
        place(2);
        service.rebuildDeadlineIndex.rebuild();

        assertThat(service.rebuildDeadlineIndex.rebuildIfLost()).isZero();
    }

    @Test
    void an_index_that_lost_its_data_is_rebuilt_even_when_new_orders_were_tracked_since() {
        var before = place(3);
        service.rebuildDeadlineIndex.rebuild();
        service.deadlines.clear();
        place(1);

        assertThat(service.rebuildDeadlineIndex.rebuildIfLost()).isEqualTo(4);
        before.forEach(it -> assertThat(service.deadlines.tracked()).containsKey(it.id()));
    }

    @Test
    void a_rebuild_whose_writes_fail_throws_and_leaves_the_index_marked_lost() {
        place(BATCH_SIZE * 3);
        var failing = new RecordedDeadlines() {
            @Override
            public synchronized void trackAll(java.util.Collection<PendingDeadline> deadlines) {
                throw new IllegalStateException("Redis went away");
            }
        };
        var rebuild = new RebuildDeadlineIndex(service.orders, failing, BATCH_SIZE);

        assertThatThrownBy(rebuild::rebuild).hasMessage("Redis went away");
        assertThat(failing.isIntact()).isFalse();
    }

    @Test
    void a_rebuild_writes_its_pages_in_deadline_order_earliest_first() {
        // Placed out of deadline order: each later one with a shorter window than the one before.
        var placed = IntStream.range(0, BATCH_SIZE * 3 + 2)
                .mapToObj(i -> {
                    service.clock.advance(Duration.ofSeconds(1));
                    return service.placeOrder.place(new com.acme.orders.application.ordering.PlaceOrder.Command(
                            ALICE,
                            twoBooksFor(ALICE).items(),
                            java.util.Optional.of(Duration.ofMinutes(30).minusSeconds(2L * i))));
                })
                .toList();
        var written = new java.util.ArrayList<Instant>();
        var recording = new RecordedDeadlines() {
            @Override
            public synchronized void trackAll(java.util.Collection<PendingDeadline> deadlines) {
                deadlines.forEach(it -> written.add(it.deadline()));
                super.trackAll(deadlines);
            }
        };

        long tracked = new RebuildDeadlineIndex(service.orders, recording, BATCH_SIZE).rebuild();

        assertThat(tracked).isEqualTo(placed.size());
        assertThat(written).hasSize(placed.size()).isSorted();
        assertThat(recording.isIntact()).isTrue();
    }

    private List<Order> place(int count) {
        return IntStream.range(0, count)
                .mapToObj(i -> service.placeOrder.place(twoBooksFor(ALICE)))
                .toList();
    }
}
