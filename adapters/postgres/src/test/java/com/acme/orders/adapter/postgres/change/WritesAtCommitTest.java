package com.acme.orders.adapter.postgres.change;

import static com.acme.orders.adapter.postgres.TestOrders.ALICE;
import static com.acme.orders.adapter.postgres.TestOrders.NOW;
import static com.acme.orders.adapter.postgres.TestOrders.PAYMENT_WINDOW;
import static com.acme.orders.adapter.postgres.TestOrders.TODAY;
import static com.acme.orders.adapter.postgres.TestOrders.assertStoredAs;
import static com.acme.orders.adapter.postgres.TestOrders.paymentFor;
import static com.acme.orders.adapter.postgres.TestOrders.twoBooks;
import static com.acme.orders.adapter.postgres.TestOrders.unpaid;
import static com.acme.orders.adapter.postgres.jooq.Tables.OUTBOX;
import static com.acme.orders.adapter.postgres.jooq.Tables.RECEIVED_PAYMENTS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.acme.orders.adapter.postgres.PostgresAdapterTest;
import com.acme.orders.adapter.postgres.PostgresAdapterTestContext;
import com.acme.orders.application.change.port.ConcurrentOrderChange;
import com.acme.orders.application.payment.port.ReceivedPayments.Outcome;
import com.acme.orders.application.payment.port.ReceivedPayments.ReceivedPayment;
import com.acme.orders.domain.Order;
import com.acme.orders.domain.OrderStatus;
import com.acme.orders.domain.PaymentReference;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The writes of a change are held back and sent together when its transaction commits (WritesAtCommit): the change
 * must come out exactly as if every statement had run where it was written.
 */
class WritesAtCommitTest extends PostgresAdapterTest {

    @Autowired
    private PlatformTransactionManager transactionManager;

    @BeforeEach
    void emptyTables() {
        PostgresAdapterTestContext.deleteAllOrders(db);
        db.deleteFrom(RECEIVED_PAYMENTS).execute();
        db.deleteFrom(OUTBOX).execute();
    }

    @Test
    void a_payment_its_order_update_and_its_event_are_stored_together_at_the_commit() {
        var order = storedUnpaidOrder();

        var paid = pay(order);

        assertStoredAs(orders.find(order.id()).orElseThrow(), paid, 1);
        assertThat(receivedPayments.find(paymentFor(order).reference()))
                .hasValueSatisfying(it -> assertThat(it.outcome()).isEqualTo(Outcome.PAID));
        assertThat(db.fetchCount(OUTBOX, OUTBOX.ORDER_ID.eq(order.id().value())))
                .isEqualTo(1);
    }

    @Test
    void an_order_update_that_finds_the_order_moved_fails_the_commit_and_leaves_neither_payment_nor_event() {
        var order = storedUnpaidOrder();
        var stale = orders.find(order.id()).orElseThrow();
        pay(order);

        assertThatThrownBy(() -> transactions.inTransaction(() -> {
                    receivedPayments.record(
                            received(stale, "pi_second_" + order.number().value()));
                    stale.cancelByCustomer(NOW.plus(Duration.ofMinutes(2)));
                    orders.update(stale);
                    publication.publish(stale.recordedEvents());
                    return stale;
                }))
                .isInstanceOf(ConcurrentOrderChange.class);

        assertThat(orders.find(order.id()).orElseThrow().status()).isEqualTo(OrderStatus.PAID);
        assertThat(receivedPayments.find(
                        new PaymentReference("pi_second_" + order.number().value())))
                .isEmpty();
        assertThat(db.fetchCount(OUTBOX, OUTBOX.ORDER_ID.eq(order.id().value())))
                .isEqualTo(1);
    }

    @Test
    void a_read_in_the_same_transaction_sees_the_writes_held_back_for_the_commit() {
        var order = unpaid(numbers.next(TODAY), ALICE, NOW);

        var seen = transactions.inTransaction(() -> {
            orders.add(order);
            publication.publish(order.recordedEvents());
            return orders.find(order.id());
        });

        assertThat(seen).hasValueSatisfying(it -> assertStoredAs(it, order, 0));
    }

    @Test
    void a_write_the_database_refuses_fails_the_commit_with_the_same_exception_as_before_and_stores_nothing() {
        var order = storedUnpaidOrder();
        var twin = Order.place(order.id(), numbers.next(TODAY), ALICE, twoBooks(), NOW, PAYMENT_WINDOW);
        var other = unpaid(numbers.next(TODAY), ALICE, NOW);

        assertThatThrownBy(() -> transactions.inTransaction(() -> {
                    orders.add(other);
                    orders.add(twin);
                    return twin;
                }))
                .isInstanceOf(DuplicateKeyException.class);

        assertThat(orders.find(other.id())).isEmpty();
    }

    @Test
    void a_transaction_started_inside_another_commits_its_own_writes_and_none_of_the_outer_ones() {
        var outer = unpaid(numbers.next(TODAY), ALICE, NOW);
        var inner = unpaid(numbers.next(TODAY), ALICE, NOW);
        var requiresNew = new TransactionTemplate(transactionManager);
        requiresNew.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);

        assertThatThrownBy(() -> transactions.inTransaction(() -> {
                    orders.add(outer);
                    requiresNew.executeWithoutResult(status -> orders.add(inner));
                    throw new IllegalStateException("the outer transaction rolls back");
                }))
                .hasMessage("the outer transaction rolls back");

        assertThat(orders.find(inner.id())).hasValueSatisfying(it -> assertStoredAs(it, inner, 0));
        assertThat(orders.find(outer.id())).isEmpty();
    }

    private Order pay(Order order) {
        return transactions.inTransaction(() -> {
            var locked = orders.lock(order.id()).orElseThrow();
            receivedPayments.record(
                    received(locked, paymentFor(locked).reference().value()));
            locked.confirmPayment(paymentFor(locked), NOW.plus(Duration.ofMinutes(5)));
            orders.update(locked);
            publication.publish(locked.recordedEvents());
            return locked;
        });
    }

    private static ReceivedPayment received(Order order, String reference) {
        return new ReceivedPayment(
                new PaymentReference(reference),
                order.id(),
                order.total(),
                Outcome.PAID,
                Optional.empty(),
                "",
                NOW.plus(Duration.ofMinutes(5)));
    }

    private Order storedUnpaidOrder() {
        var order = unpaid(numbers.next(TODAY), ALICE, NOW);
        orders.add(order);
        return order;
    }
}
