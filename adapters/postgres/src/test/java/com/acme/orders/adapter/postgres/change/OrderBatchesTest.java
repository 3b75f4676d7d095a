package com.acme.orders.adapter.postgres.change;

import static com.acme.orders.adapter.postgres.TestOrders.ALICE;
import static com.acme.orders.adapter.postgres.TestOrders.NOW;
import static com.acme.orders.adapter.postgres.TestOrders.PAYMENT_WINDOW;
import static com.acme.orders.adapter.postgres.TestOrders.TODAY;
import static com.acme.orders.adapter.postgres.TestOrders.micros;
import static com.acme.orders.adapter.postgres.TestOrders.paymentFor;
import static com.acme.orders.adapter.postgres.TestOrders.unpaid;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.acme.orders.adapter.postgres.PostgresAdapterTest;
import com.acme.orders.adapter.postgres.PostgresAdapterTestContext;
import com.acme.orders.application.change.port.ConcurrentOrderChange;
import com.acme.orders.application.deadline.port.PendingDeadline;
import com.acme.orders.domain.Order;
import com.acme.orders.domain.OrderId;
import com.acme.orders.domain.OrderStatus;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The batch operations of the timeout worker, the sweeper and the index rebuild, against PostgreSQL. */
class OrderBatchesTest extends PostgresAdapterTest {

    @BeforeEach
    void emptyTables() {
        PostgresAdapterTestContext.deleteAllOrders(db);
    }

    @Test
    void locking_a_batch_returns_the_orders_that_exist_with_their_items_in_id_order() {
        var placed = placeSecondsApart(5);
        var ids = new ArrayList<>(placed.stream().map(Order::id).toList());
        ids.add(OrderId.newId());

        var locked = transactions.inTransaction(() -> orders.lockAll(ids));

        assertThat(locked)
                .extracting(Order::id)
                .containsExactlyElementsOf(placed.stream()
                        .map(Order::id)
                        .sorted(Comparator.comparing(OrderId::toString))
                        .toList()); // PostgreSQL orders uuids as unsigned bytes, as their text sorts
        assertThat(locked).allSatisfy(it -> assertThat(it.items()).hasSize(1));
    }

    @Test
    void a_batch_of_timeouts_is_stored_in_one_go_and_the_same_batch_again_is_refused() {
        var placed = placeSecondsApart(3);
        var expired = transactions.inTransaction(() -> {
            var locked = orders.lockAll(placed.stream().map(Order::id).toList());
            locked.forEach(it -> it.expire(NOW.plus(PAYMENT_WINDOW).plusSeconds(10)));
            orders.updateAll(locked);
            return locked;
        });

        placed.forEach(
                it -> assertThat(orders.find(it.id()).orElseThrow().status()).isEqualTo(OrderStatus.CANCELLED));
        assertThatThrownBy(() -> transactions.inTransaction(() -> {
                    orders.updateAll(expired);
                    return null;
                }))
                .isInstanceOf(ConcurrentOrderChange.class);
    }

    @Test
    void a_timeout_stamped_before_the_stored_deadline_is_refused_by_the_database() {
        var order = placeSecondsApart(1).getFirst();
        var tooEarly = orders.find(order.id()).orElseThrow();
        // What the domain would never do: pretend the deadline passed by handing it a time after the deadline...
        tooEarly.expire(order.paymentDeadline());
        // ...while the row says otherwise: its deadline was moved later after the order was read.
        db.update(com.acme.orders.adapter.postgres.jooq.Tables.ORDERS)
                .set(
                        com.acme.orders.adapter.postgres.jooq.Tables.ORDERS.PAYMENT_DEADLINE,
                        micros(order.paymentDeadline().plusSeconds(60)))
                .execute();

        assertThatThrownBy(() -> orders.update(tooEarly)).isInstanceOf(ConcurrentOrderChange.class);
        assertThat(orders.find(order.id()).orElseThrow().status()).isEqualTo(OrderStatus.UNPAID);
    }

    @Test
    void a_batch_holding_one_timeout_stamped_before_its_stored_deadline_is_refused_for_that_order_and_stores_nothing() {
        var placed = placeSecondsApart(3);
        var late = placed.get(1);
        // The database's own check, as for a single order: the row's deadline moved later after the batch read it.
        var refused = transactions.inTransaction(() -> {
            var locked = orders.lockAll(placed.stream().map(Order::id).toList());
            locked.forEach(it -> it.expire(it.paymentDeadline()));
            db.update(com.acme.orders.adapter.postgres.jooq.Tables.ORDERS)
                    .set(
                            com.acme.orders.adapter.postgres.jooq.Tables.ORDERS.PAYMENT_DEADLINE,
                            micros(late.paymentDeadline().plusSeconds(60)))
                    .where(com.acme.orders.adapter.postgres.jooq.Tables.ORDERS.ID.eq(
                            late.id().value()))
                    .execute();
            return locked;
        });

        assertThatThrownBy(() -> transactions.inTransaction(() -> {
                    orders.updateAll(refused);
                    return null;
                }))
                .isInstanceOf(ConcurrentOrderChange.class)
                .hasMessageContaining(late.id().toString());
        placed.forEach(
                it -> assertThat(orders.find(it.id()).orElseThrow().status()).isEqualTo(OrderStatus.UNPAID));
    }

    @Test
    void a_batch_of_payments_and_cancellations_stores_each_order_with_its_own_columns() {
        var placed = placeSecondsApart(2);
        transactions.inTransaction(() -> {
            var locked = orders.lockAll(placed.stream().map(Order::id).toList());
            locked.getFirst().confirmPayment(paymentFor(locked.getFirst()), NOW.plusSeconds(5));
            locked.getLast().expire(NOW.plus(PAYMENT_WINDOW).plusSeconds(10));
            orders.updateAll(locked);
            return null;
        });

        var stored =
                placed.stream().map(it -> orders.find(it.id()).orElseThrow()).toList();
        var paid = stored.stream().filter(it -> it.status() == OrderStatus.PAID).toList();
        var cancelled = stored.stream()
                .filter(it -> it.status() == OrderStatus.CANCELLED)
                .toList();
        assertThat(paid).singleElement().satisfies(it -> {
            assertThat(it.paymentReference()).isPresent();
            assertThat(it.version()).isEqualTo(1);
        });
        assertThat(cancelled).singleElement().satisfies(it -> {
            assertThat(it.cancelledAt()).isPresent();
            assertThat(it.version()).isEqualTo(1);
        });
    }

    @Test
    void unpaid_deadlines_are_paged_by_keyset_oldest_first_and_settled_orders_are_left_out() {
        var placed = placeSecondsApart(7);
        var paid = orders.find(placed.get(2).id()).orElseThrow();
        paid.confirmPayment(paymentFor(paid), NOW);
        orders.update(paid);

        var first = unpaidOrders.unpaidByDeadline(Optional.empty(), Optional.empty(), 4);
        var second = unpaidOrders.unpaidByDeadline(Optional.empty(), Optional.of(first.getLast()), 4);

        var expected = placed.stream()
                .filter(it -> !it.id().equals(paid.id()))
                .map(it -> new PendingDeadline(it.id(), micros(it.paymentDeadline())))
                .toList();
        assertThat(first).hasSize(4);
        assertThat(second).hasSize(2);
        assertThat(concat(first, second)).containsExactlyElementsOf(expected);
    }

    @Test
    void only_deadlines_at_or_before_the_bound_are_returned_to_the_sweeper() {
        var placed = placeSecondsApart(5);

        var due = unpaidOrders.unpaidByDeadline(Optional.of(placed.get(1).paymentDeadline()), Optional.empty(), 100);

        assertThat(due)
                .extracting(PendingDeadline::order)
                .containsExactly(placed.get(0).id(), placed.get(1).id());
    }

    /** Orders placed a second apart, so their deadlines are too. */
    private List<Order> placeSecondsApart(int count) {
        return IntStream.range(0, count)
                .mapToObj(i -> {
                    var order = unpaid(numbers.next(TODAY), ALICE, NOW.plus(Duration.ofSeconds(i)));
                    orders.add(order);
                    return order;
                })
                .toList();
    }

    private static <T> List<T> concat(List<T> first, List<T> second) {
        var all = new ArrayList<>(first);
        all.addAll(second);
        return all;
    }
}
