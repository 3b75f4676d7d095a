package com.acme.orders.adapter.postgres.ordering;

import static com.acme.orders.adapter.postgres.TestOrders.ALICE;
import static com.acme.orders.adapter.postgres.TestOrders.BOB;
import static com.acme.orders.adapter.postgres.TestOrders.NOW;
import static com.acme.orders.adapter.postgres.TestOrders.PAYMENT_WINDOW;
import static com.acme.orders.adapter.postgres.TestOrders.TODAY;
import static com.acme.orders.adapter.postgres.TestOrders.assertStoredAs;
import static com.acme.orders.adapter.postgres.TestOrders.paymentFor;
import static com.acme.orders.adapter.postgres.TestOrders.unpaid;
import static org.assertj.core.api.Assertions.assertThat;

import com.acme.orders.adapter.postgres.PostgresAdapterTest;
import com.acme.orders.adapter.postgres.PostgresAdapterTestContext;
import com.acme.orders.application.ordering.port.CustomerOrders.OrderCursor;
import com.acme.orders.domain.CustomerId;
import com.acme.orders.domain.LineItem;
import com.acme.orders.domain.Money;
import com.acme.orders.domain.Order;
import com.acme.orders.domain.OrderId;
import com.acme.orders.domain.OrderStatus;
import com.acme.orders.domain.Quantity;
import com.acme.orders.domain.Sku;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CustomerOrderListTest extends PostgresAdapterTest {

    /**
     * PostgreSQL orders uuids byte by byte, unsigned; {@link UUID#compareTo} compares signed longs and disagrees for
     * half of all ids. The expected order of orders placed at the same instant follows the database.
     */
    private static final Comparator<UUID> POSTGRES_UUID_ORDER = Comparator.comparing(
                    UUID::getMostSignificantBits, Long::compareUnsigned)
            .thenComparing(UUID::getLeastSignificantBits, Long::compareUnsigned);

    private static final Comparator<Order> NEWEST_FIRST = Comparator.comparing(Order::createdAt)
            .thenComparing(it -> it.id().value(), POSTGRES_UUID_ORDER)
            .reversed();

    private final List<Order> alices = new ArrayList<>();

    @BeforeEach
    void aliceAndBobHaveOrdered() {
        PostgresAdapterTestContext.deleteAllOrders(db);
        for (int minute = 0; minute < 5; minute++) {
            alices.add(place(ALICE, NOW.plus(Duration.ofMinutes(minute)), minute % 2 == 1));
            place(BOB, NOW.plus(Duration.ofMinutes(minute)), minute % 2 == 1);
        }
        // Three orders in the same microsecond: only the id tells them apart, and a page boundary falls among them.
        for (int same = 0; same < 3; same++) {
            alices.add(place(ALICE, NOW.plus(Duration.ofMinutes(10)), same == 0));
        }
        alices.sort(NEWEST_FIRST);
    }

    @Test
    void a_customer_pages_through_all_their_orders_newest_first_each_exactly_once() {
        var pages = pagesOf(ALICE, Optional.empty(), 3);

        assertThat(pages).extracting(List::size).containsExactly(3, 3, 2);
        assertThat(ids(pages.stream().flatMap(List::stream).toList())).containsExactlyElementsOf(ids(alices));
    }

    @Test
    void the_status_filter_pages_through_only_orders_in_that_status() {
        var paid = alices.stream().filter(it -> it.status() == OrderStatus.PAID).toList();

        var pages = pagesOf(ALICE, Optional.of(OrderStatus.PAID), 2);

        assertThat(pages).extracting(List::size).containsExactly(2, 1);
        assertThat(ids(pages.stream().flatMap(List::stream).toList())).containsExactlyElementsOf(ids(paid));
    }

    @Test
    void a_listed_order_carries_its_items_and_every_field() {
        var basket = List.of(
                new LineItem(new Sku("A-1"), new Quantity(1), Money.of("1.10", "EUR")),
                new LineItem(new Sku("B-2"), new Quantity(2), Money.of("2.20", "EUR")));
        var newest = unpaid(numbers.next(TODAY), ALICE, NOW.plus(Duration.ofHours(1)), basket);
        orders.add(newest);

        var page = customerOrders.listOfCustomer(ALICE, Optional.empty(), Optional.empty(), 4);

        assertStoredAs(page.getFirst(), newest, 0);
        assertThat(page).allSatisfy(it -> assertThat(it.items()).isNotEmpty());
    }

    @Test
    void another_customers_orders_never_appear_in_the_list() {
        var stranger = new CustomerId("stranger");

        assertThat(pagesOf(BOB, Optional.empty(), 100).getFirst())
                .hasSize(5)
                .allSatisfy(it -> assertThat(it.customerId()).isEqualTo(BOB));
        assertThat(customerOrders.listOfCustomer(stranger, Optional.empty(), Optional.empty(), 100))
                .isEmpty();
    }

    @Test
    void the_overdue_orders_of_a_customer_are_the_unpaid_ones_whose_deadline_has_been_reached() {
        // Besides the orders placed before each test, all still inside their payment window:
        var longOverdue = place(ALICE, NOW.minus(PAYMENT_WINDOW).minus(Duration.ofMinutes(5)), false);
        var dueNow = place(ALICE, NOW.minus(PAYMENT_WINDOW), false);
        place(ALICE, NOW.minus(PAYMENT_WINDOW).minus(Duration.ofMinutes(10)), true);
        place(ALICE, NOW.minus(Duration.ofMinutes(10)), false);
        place(BOB, NOW.minus(PAYMENT_WINDOW).minus(Duration.ofMinutes(10)), false);

        assertThat(customerOrders.overdueOfCustomer(ALICE, NOW, 10)).containsExactly(longOverdue.id(), dueNow.id());
        assertThat(customerOrders.overdueOfCustomer(ALICE, NOW, 1)).containsExactly(longOverdue.id());
    }

    private Order place(CustomerId customer, Instant placedAt, boolean paid) {
        var order = unpaid(numbers.next(TODAY), customer, placedAt);
        if (paid) {
            order.confirmPayment(paymentFor(order), placedAt.plus(Duration.ofMinutes(1)));
        }
        orders.add(order);
        return order;
    }

    /** Page after page, each starting after the last order of the previous one, as ListCustomerOrders asks. */
    private List<List<Order>> pagesOf(CustomerId customer, Optional<OrderStatus> status, int size) {
        var pages = new ArrayList<List<Order>>();
        Optional<OrderCursor> cursor = Optional.empty();
        while (true) {
            var page = customerOrders.listOfCustomer(customer, status, cursor, size);
            if (page.isEmpty()) {
                return pages;
            }
            pages.add(page);
            cursor = Optional.of(
                    new OrderCursor(page.getLast().createdAt(), page.getLast().id()));
        }
    }

    private static List<OrderId> ids(List<Order> orders) {
        return orders.stream().map(Order::id).toList();
    }
}
