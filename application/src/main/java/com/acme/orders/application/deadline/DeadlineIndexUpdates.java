package com.acme.orders.application.deadline;

import com.acme.orders.application.change.AfterCommit;
import com.acme.orders.application.deadline.port.DeadlineIndex;
import com.acme.orders.domain.OrderId;
import java.time.Instant;
import java.util.Collection;

/**
 * Keeps the deadline index in step with what the database committed: an unpaid order is tracked at its deadline, a
 * settled one is forgotten, and the settled orders of a batch are acknowledged (which also ends their claims). The
 * index never throws on these writes, so a Redis outage never fails the change that was already committed.
 */
public final class DeadlineIndexUpdates implements AfterCommit {

    private final DeadlineIndex deadlines;

    public DeadlineIndexUpdates(DeadlineIndex deadlines) {
        this.deadlines = deadlines;
    }

    @Override
    public void unpaid(OrderId order, Instant deadline) {
        deadlines.track(order, deadline);
    }

    @Override
    public void settled(OrderId order) {
        deadlines.forget(order);
    }

    @Override
    public void settledAll(Collection<OrderId> orders) {
        deadlines.acknowledge(orders);
    }
}
