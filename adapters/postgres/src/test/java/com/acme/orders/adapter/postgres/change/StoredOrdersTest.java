package com.acme.orders.adapter.postgres.change;

import static com.acme.orders.adapter.postgres.TestOrders.ALICE;
import static com.acme.orders.adapter.postgres.TestOrders.NOW;
import static com.acme.orders.adapter.postgres.TestOrders.TODAY;
import static com.acme.orders.adapter.postgres.TestOrders.assertStoredAs;
import static com.acme.orders.adapter.postgres.TestOrders.micros;
import static com.acme.orders.adapter.postgres.TestOrders.paymentFor;
import static com.acme.orders.adapter.postgres.TestOrders.unpaid;
import static com.acme.orders.adapter.postgres.jooq.Tables.ORDERS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.acme.orders.adapter.postgres.PostgresAdapterTest;
import com.acme.orders.adapter.postgres.PostgresAdapterTestContext;
import com.acme.orders.application.change.port.ConcurrentOrderChange;
import com.acme.orders.domain.CancellationReason;
import com.acme.orders.domain.LineItem;
import com.acme.orders.domain.Money;
import com.acme.orders.domain.Order;
import com.acme.orders.domain.OrderId;
import com.acme.orders.domain.OrderStatus;
import com.acme.orders.domain.Payment;
import com.acme.orders.domain.PaymentReference;
import com.acme.orders.domain.Quantity;
import com.acme.orders.domain.Sku;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;

class StoredOrdersTest extends PostgresAdapterTest {

    @BeforeEach
    void emptyTables() {
        PostgresAdapterTestContext.deleteAllOrders(db);
    }

    @Test
    void an_unpaid_order_comes_back_with_every_field_its_items_in_order_and_version_zero() {
        var order = unpaid(
                numbers.next(TODAY),
                ALICE,
                NOW,
                List.of(
                        new LineItem(new Sku("BOOK-1"), new Quantity(2), Money.of("12.50", "EUR")),
                        new LineItem(new Sku("pen.blue_2"), new Quantity(1000), Money.of("0.01", "EUR")),
                        new LineItem(new Sku("LAPTOP-9"), new Quantity(1), Money.of("999999999.99", "EUR"))));

        orders.add(order);

        var stored = orders.find(order.id()).orElseThrow();
        assertStoredAs(stored, order, 0);
        assertThat(stored.total()).isEqualTo(Money.of("1000000034.99", "EUR"));
        assertThat(stored.total().amount().scale()).isEqualTo(2);
    }

    @Test
    void amounts_come_back_at_the_scale_of_their_currency() {
        var yen = unpaid(
                numbers.next(TODAY),
                ALICE,
                NOW,
                List.of(new LineItem(new Sku("TEA"), new Quantity(3), Money.of("1500", "JPY"))));
        var dinar = unpaid(
                numbers.next(TODAY),
                ALICE,
                NOW,
                List.of(new LineItem(new Sku("DATES"), new Quantity(1), Money.of("1.234", "KWD"))));

        orders.add(yen);
        orders.add(dinar);

        assertThat(orders.find(yen.id()).orElseThrow().total()).isEqualTo(Money.of("4500", "JPY"));
        assertThat(orders.find(dinar.id()).orElseThrow().items().getFirst().unitPrice())
                .isEqualTo(Money.of("1.234", "KWD"));
    }

    @Test
    void a_paid_order_is_stored_with_its_payment_and_the_next_version() {
        var order = storedUnpaidOrder();

        var paid = transactions.inTransaction(() -> {
            var locked = orders.lock(order.id()).orElseThrow();
            locked.confirmPayment(paymentFor(locked), NOW.plus(Duration.ofMinutes(5)));
            orders.update(locked);
            return locked;
        });

        assertStoredAs(orders.find(order.id()).orElseThrow(), paid, 1);
        assertThat(paid.status()).isEqualTo(OrderStatus.PAID);
    }

    @Test
    void a_cancelled_order_is_stored_with_its_reason_and_time_and_the_next_version() {
        var order = storedUnpaidOrder();

        var cancelled = transactions.inTransaction(() -> {
            var locked = orders.lock(order.id()).orElseThrow();
            locked.expire(NOW.plus(Duration.ofMinutes(30)));
            orders.update(locked);
            return locked;
        });

        assertStoredAs(orders.find(order.id()).orElseThrow(), cancelled, 1);
        assertThat(cancelled.cancellationReason()).contains(CancellationReason.PAYMENT_TIMEOUT);
    }

    @Test
    void a_payment_in_progress_is_stored_with_the_order_and_cleared_when_it_settles_alone_or_in_a_batch() {
        var single = storedUnpaidOrder();
        var batched = storedUnpaidOrder();
        var reference = new PaymentReference("pi_3ds_" + single.number().value());

        for (var order : List.of(single, batched)) {
            transactions.inTransaction(() -> {
                var locked = orders.lock(order.id()).orElseThrow();
                locked.startPayment(
                        reference, locked.total(), NOW.plus(Duration.ofMinutes(29)), Duration.ofMinutes(10));
                orders.update(locked);
                return locked;
            });
        }
        var held = orders.find(single.id()).orElseThrow();
        var paid = transactions.inTransaction(() -> {
            var locked = orders.lock(single.id()).orElseThrow();
            locked.confirmPayment(new Payment(reference, locked.total()), NOW.plus(Duration.ofMinutes(35)));
            orders.update(locked);
            return locked;
        });
        var expired = transactions.inTransaction(() -> {
            var locked = orders.lockAll(List.of(batched.id()));
            locked.forEach(it -> it.expire(NOW.plus(Duration.ofMinutes(40))));
            orders.updateAll(locked);
            return locked.getFirst();
        });

        assertThat(held.paymentInProgress()).hasValueSatisfying(it -> {
            assertThat(it.reference()).isEqualTo(reference);
            assertThat(it.since()).isEqualTo(micros(NOW.plus(Duration.ofMinutes(29))));
            assertThat(it.heldUntil()).isEqualTo(held.paymentDeadline().plus(Duration.ofMinutes(10)));
        });
        assertThat(held.version()).isEqualTo(1);
        assertThat(orders.find(single.id()).orElseThrow().status()).isEqualTo(OrderStatus.PAID);
        assertThat(orders.find(single.id()).orElseThrow().paymentInProgress()).isEmpty();
        assertThat(paid.status()).isEqualTo(OrderStatus.PAID);
        assertThat(expired.status()).isEqualTo(OrderStatus.CANCELLED);
        assertThat(orders.find(batched.id()).orElseThrow().paymentInProgress()).isEmpty();
        assertThat(orders.find(batched.id()).orElseThrow().version()).isEqualTo(2);
    }

    @Test
    void a_change_made_on_a_stale_version_is_refused_and_the_stored_order_stays_as_the_winner_left_it() {
        var order = storedUnpaidOrder();
        var payer = orders.find(order.id()).orElseThrow();
        var canceller = orders.find(order.id()).orElseThrow();
        payer.confirmPayment(paymentFor(payer), NOW.plus(Duration.ofMinutes(1)));
        orders.update(payer);

        canceller.cancelByCustomer(NOW.plus(Duration.ofMinutes(2)));

        assertThatThrownBy(() -> orders.update(canceller)).isInstanceOf(ConcurrentOrderChange.class);
        assertStoredAs(orders.find(order.id()).orElseThrow(), payer, 1);
    }

    @Test
    void an_order_that_is_no_longer_unpaid_is_never_moved_again_even_by_a_writer_at_its_current_version() {
        var order = storedUnpaidOrder();
        var payer = orders.find(order.id()).orElseThrow();
        payer.confirmPayment(paymentFor(payer), NOW.plus(Duration.ofMinutes(1)));
        orders.update(payer);
        // A writer that believes the order is still unpaid, at the version the database now holds.
        var confused = Order.restore(
                order.id(),
                order.number(),
                order.customerId(),
                order.items(),
                order.total(),
                order.createdAt(),
                order.paymentDeadline(),
                OrderStatus.UNPAID,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                1);

        confused.cancelByCustomer(NOW.plus(Duration.ofMinutes(2)));

        assertThatThrownBy(() -> orders.update(confused)).isInstanceOf(ConcurrentOrderChange.class);
        assertStoredAs(orders.find(order.id()).orElseThrow(), payer, 1);
    }

    @Test
    void an_unknown_order_is_neither_found_nor_locked() {
        assertThat(orders.find(OrderId.newId())).isEmpty();
        assertThat(transactions.inTransaction(() -> orders.lock(OrderId.newId())))
                .isEmpty();
    }

    @Test
    void the_database_refuses_a_paid_row_without_its_payment() {
        var order = unpaid(numbers.next(TODAY), ALICE, NOW);
        var row = OrderMapper.toRow(order);
        row.setStatus("PAID");

        assertThatThrownBy(() -> db.insertInto(ORDERS).set(row).execute())
                .isInstanceOf(DataIntegrityViolationException.class)
                .hasMessageContaining("orders_status_matches_columns");
    }

    @Test
    void two_orders_can_never_share_a_number() {
        var number = numbers.next(TODAY);
        orders.add(unpaid(number, ALICE, NOW));

        assertThatThrownBy(() -> orders.add(unpaid(number, ALICE, NOW))).isInstanceOf(DuplicateKeyException.class);
    }

    private Order storedUnpaidOrder() {
        var order = unpaid(numbers.next(TODAY), ALICE, NOW);
        orders.add(order);
        return order;
    }
}
