package com.acme.orders.application.change;

import com.acme.orders.application.change.port.EventPublication;
import com.acme.orders.application.change.port.OrderRepository;
import com.acme.orders.application.change.port.Transactions;
import com.acme.orders.domain.Order;
import com.acme.orders.domain.OrderId;
import com.acme.orders.domain.Transition;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.function.Function;

/**
 * The one way an existing order changes: lock it, let it decide, store it with its events, commit; then, once the
 * database holds the truth, tell {@link AfterCommit} (the deadline index). Every use case that moves an order goes through here, so the
 * race between payment, customer cancel and timeout is settled in one place: the row lock serialises them and the
 * conditional update refuses a second winner even if the lock were ever bypassed.
 */
public final class OrderChanges {

    private final OrderRepository orders;
    private final EventPublication events;
    private final AfterCommit afterCommit;
    private final Transactions transactions;

    public OrderChanges(
            OrderRepository orders, EventPublication events, AfterCommit afterCommit, Transactions transactions) {
        this.orders = orders;
        this.events = events;
        this.afterCommit = afterCommit;
        this.transactions = transactions;
    }

    /** {@code decision} may throw {@link OrderNotFound} to hide an order from a caller who does not own it. */
    public OrderChange apply(OrderId id, Function<Order, Transition> decision) {
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
        if (change.order().hasChanged()) {
            if (change.order().status().isFinal()) {
                afterCommit.settled(id);
            } else {
                // Still unpaid, with a payment in progress started or ended: it now closes at another time.
                afterCommit.unpaid(id, change.order().closesAt());
            }
        }
        return change;
    }

    /**
     * {@link #applyToAll}, but an order whose change fails does not hold back the others: a batch that fails is split
     * in two, and each half tried on its own, until the failing order stands alone. That order is left as it is and
     * returned as set aside with its failure; every other order is changed. A failure that says the database cannot be
     * reached fails the call as {@link #applyToAll} does, instead of being split into hundreds of failures.
     */
    public Applied applyToAllApart(List<OrderId> ids, Function<Order, Transition> decision) {
        var applied = new Applied(new ArrayList<>(), new ArrayList<>());
        applyApart(ids, decision, applied);
        return applied;
    }

    private void applyApart(List<OrderId> ids, Function<Order, Transition> decision, Applied into) {
        try {
            into.changes().addAll(applyToAll(ids, decision));
        } catch (RuntimeException failure) {
            if (transactions.isUnavailable(failure)) {
                throw failure;
            }
            if (ids.size() == 1) {
                into.setAside().add(new SetAside(ids.getFirst(), failure));
                return;
            }
            applyApart(ids.subList(0, ids.size() / 2), decision, into);
            applyApart(ids.subList(ids.size() / 2, ids.size()), decision, into);
        }
    }

    /** What {@link #applyToAllApart} did: the changes of the orders that could be changed, and the ones set aside. */
    public record Applied(List<OrderChange> changes, List<SetAside> setAside) {}

    /** An order whose change failed on its own, with the failure: left unchanged, for the caller to report. */
    public record SetAside(OrderId order, RuntimeException failure) {}

    /**
     * {@link #apply} for a batch in one transaction: one commit for hundreds of orders is where the database has its
     * headroom. After the commit the index forgets every order that is final or gone, and an order that refused to be
     * settled yet goes back at the time it really closes (its deadline, or the end of its grace or hold), which hands
     * back a claim taken too early. An order that only took note (a reminder) keeps its place.
     *
     * @return the change of every order that exists, in id order; ids of unknown orders have none
     */
    public List<OrderChange> applyToAll(Collection<OrderId> ids, Function<Order, Transition> decision) {
        List<OrderChange> changes = transactions.inTransaction(() -> {
            List<Order> locked = orders.lockAll(ids);
            List<OrderChange> decided = new ArrayList<>(locked.size());
            for (Order order : locked) {
                decided.add(new OrderChange(order, decision.apply(order)));
            }
            List<Order> changed = locked.stream().filter(Order::hasChanged).toList();
            if (!changed.isEmpty()) {
                orders.updateAll(changed);
                events.publish(changed.stream()
                        .flatMap(it -> it.recordedEvents().stream())
                        .toList());
            }
            return decided;
        });
        var done = new HashSet<>(ids);
        for (OrderChange change : changes) {
            Order order = change.order();
            if (!order.status().isFinal()) {
                done.remove(order.id());
                // Refused: claimed before it closes, so it goes back at its closing time. Otherwise it took note of
                // something (a reminder) and its place in the index has not moved.
                if (change.transition() instanceof Transition.Refused) {
                    afterCommit.unpaid(order.id(), order.closesAt());
                }
            }
        }
        if (!done.isEmpty()) {
            afterCommit.settledAll(done);
        }
        return changes;
    }
}
