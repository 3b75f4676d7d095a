package com.acme.orders.application.deadline;

import com.acme.orders.application.change.AfterCommit;
import com.acme.orders.application.deadline.port.DeadlineIndex;
import com.acme.orders.domain.OrderId;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;

/**
 * Keeps the deadline index in step with what the database committed: an unpaid order is tracked at its deadline (and
 * a new one in the reminder index at its reminder), a settled one is forgotten, and the settled orders of a batch are
 * acknowledged (which also ends their claims). The
 * index never throws on these writes, so a Redis outage never fails the change that was already committed.
 */
public final class DeadlineIndexUpdates implements AfterCommit {

    private final DeadlineIndex deadlines;
    private final DeadlineIndex reminders;
    private final Duration reminderBefore;

    public DeadlineIndexUpdates(DeadlineIndex deadlines, DeadlineIndex reminders, Duration reminderBefore) {
        this.deadlines = deadlines;
        this.reminders = reminders;
        this.reminderBefore = reminderBefore;
    }

    @Override
    public void unpaid(OrderId order, Instant deadline) {
        deadlines.track(order, deadline);
    }

    /**
     * Tracked at its deadline, and at its reminder when the order leaves more time than the reminder's lead. A settled
     * order's reminder is not forgotten on the customer's path: the reminder worker finds it settled and drops it.
     */
    @Override
    public void placed(OrderId order, Instant placedAt, Instant deadline, Instant closesAt) {
        deadlines.track(order, closesAt);
        RemindOfDeadlines.reminderTime(placedAt, deadline, reminderBefore)
                .ifPresent(remindAt -> reminders.track(order, remindAt));
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
