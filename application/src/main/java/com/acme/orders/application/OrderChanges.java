package com.acme.orders.application;

import com.acme.orders.application.port.DeadlineIndex;
import com.acme.orders.application.port.EventPublication;
import com.acme.orders.application.port.OrderRepository;
import com.acme.orders.application.port.Transactions;
import com.acme.orders.domain.Order;
import com.acme.orders.domain.OrderId;
import com.acme.orders.domain.Transition;
import java.util.function.Function;

/**
 * The one way an existing order changes: lock it, let it decide, store it with its events, commit; then, once the
 * database holds the truth, tell the deadline index. Every use case that moves an order goes through here, so the
 * race between payment, customer cancel and timeout is settled in one place: the row lock serialises them and the
 * conditional update refuses a second winner even if the lock were ever bypassed.
 */
public final class OrderChanges {

    private final OrderRepository orders;
    private final EventPublication events;
    private final DeadlineIndex deadlines;
    private final Transactions transactions;

    public OrderChanges(OrderRepository orders, EventPublication events, DeadlineIndex deadlines, Transactions transactions) {
        this.orders = orders;
        this.events = events;
        this.deadlines = deadlines;
        this.transactions = transactions;
    }

    /** {@code decision} may throw {@link OrderNotFound} to hide an order from a caller who does not own it. */
    OrderChange apply(OrderId id, Function<Order, Transition> decision) {
        OrderChange change = transactions.inTransaction(() -> {
            Order order = orders.lock(id).orElseThrow(() -> new OrderNotFound(id));
            Transition transition = decision.apply(order);
            if (order.hasChanged()) {
                orders.update(order);
            }
            // Not only with a change: a payment for a cancelled order leaves it as it is but records a refund request.
            if (!order.recordedEvents().isEmpty()) {
                events.publish(order.recordedEvents());
            }
            return new OrderChange(order, transition);
        });
        if (change.order().hasChanged() && change.order().status().isFinal()) {
            deadlines.forget(id);
        }
        return change;
    }
}
