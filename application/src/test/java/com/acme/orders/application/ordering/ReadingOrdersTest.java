package com.acme.orders.application.ordering;

import static com.acme.orders.application.fakes.UseCaseTestData.ALICE;
import static com.acme.orders.application.fakes.UseCaseTestData.BOB;
import static com.acme.orders.application.fakes.UseCaseTestData.twoBooksFor;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.acme.orders.application.change.OrderNotFound;
import com.acme.orders.application.fakes.OrderServiceFixture;
import com.acme.orders.domain.CancellationReason;
import com.acme.orders.domain.Order;
import com.acme.orders.domain.OrderStatus;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ReadingOrdersTest {

    private final OrderServiceFixture service = new OrderServiceFixture();

    @Test
    void a_customer_never_sees_an_unpaid_order_after_its_deadline() {
        var order = service.placeOrder.place(twoBooksFor(ALICE));
        service.clock.advance(Duration.ofMinutes(30));

        var seen = service.getOrder.get(order.id(), ALICE);

        assertThat(seen.status()).isEqualTo(OrderStatus.CANCELLED);
        assertThat(seen.cancellationReason()).contains(CancellationReason.PAYMENT_TIMEOUT);
        assertThat(service.orders.stored(order.id()).status()).isEqualTo(OrderStatus.CANCELLED);
    }

    @Test
    void a_read_closes_an_overdue_order_with_one_plain_read_and_one_locked_read_of_its_row() {
        var order = service.placeOrder.place(twoBooksFor(ALICE));
        service.clock.advance(Duration.ofMinutes(30));
        long plainBefore = service.orders.plainReads();
        long lockedBefore = service.orders.lockedReads();

        service.getOrder.get(order.id(), ALICE);

        assertThat(service.orders.plainReads() - plainBefore).isEqualTo(1);
        assertThat(service.orders.lockedReads() - lockedBefore).isEqualTo(1);
        assertThat(service.events.of(order.id())).hasSize(2);
        assertThat(service.deadlines.tracked()).doesNotContainKey(order.id());
    }

    @Test
    void reading_an_order_in_time_changes_nothing() {
        var order = service.placeOrder.place(twoBooksFor(ALICE));
        long lockedBefore = service.orders.lockedReads();

        assertThat(service.getOrder.get(order.id(), ALICE).status()).isEqualTo(OrderStatus.UNPAID);
        assertThat(service.events.of(order.id())).hasSize(1);
        assertThat(service.orders.lockedReads()).isEqualTo(lockedBefore);
    }

    @Test
    void another_customers_order_is_not_found() {
        var order = service.placeOrder.place(twoBooksFor(ALICE));

        assertThatThrownBy(() -> service.getOrder.get(order.id(), BOB)).isInstanceOf(OrderNotFound.class);
    }

    @Test
    void a_customer_pages_through_their_own_orders_newest_first() {
        List<Order> placed = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            placed.add(service.placeOrder.place(twoBooksFor(ALICE)));
            service.clock.advance(Duration.ofSeconds(1));
        }
        service.placeOrder.place(twoBooksFor(BOB));

        var first = service.listCustomerOrders.list(
                new ListCustomerOrders.Query(ALICE, Optional.empty(), Optional.empty(), 3));
        var second =
                service.listCustomerOrders.list(new ListCustomerOrders.Query(ALICE, Optional.empty(), first.next(), 3));

        assertThat(first.orders())
                .extracting(Order::id)
                .containsExactly(
                        placed.get(4).id(), placed.get(3).id(), placed.get(2).id());
        assertThat(second.orders())
                .extracting(Order::id)
                .containsExactly(placed.get(1).id(), placed.get(0).id());
        assertThat(second.next()).isEmpty();
    }

    @Test
    void listing_closes_overdue_orders_first_so_the_status_filter_tells_the_truth() {
        var overdue = service.placeOrder.place(twoBooksFor(ALICE));
        service.clock.advance(Duration.ofMinutes(20));
        var fresh = service.placeOrder.place(twoBooksFor(ALICE));
        service.clock.advance(Duration.ofMinutes(15));

        var unpaid = service.listCustomerOrders.list(
                new ListCustomerOrders.Query(ALICE, Optional.of(OrderStatus.UNPAID), Optional.empty(), 10));
        var cancelled = service.listCustomerOrders.list(
                new ListCustomerOrders.Query(ALICE, Optional.of(OrderStatus.CANCELLED), Optional.empty(), 10));

        assertThat(unpaid.orders()).extracting(Order::id).containsExactly(fresh.id());
        assertThat(cancelled.orders()).extracting(Order::id).containsExactly(overdue.id());
    }
}
