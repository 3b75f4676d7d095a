package com.acme.orders.application.change;

import com.acme.orders.domain.Order;
import com.acme.orders.domain.OrderId;
import java.time.Clock;
import java.util.List;

/**
 * Passive close, in one place: an order that is still stored as unpaid after its deadline is expired before anybody
 * is shown it, through {@link OrderChanges} like every other change (its row lock, its conditional update, its
 * event). A read of an order that is not overdue changes and locks nothing.
 */
public final class PassiveClose {

    private final OrderChanges changes;
    private final Clock clock;
    private final DeadlineTime deadlineTime;

    public PassiveClose(OrderChanges changes, Clock clock, DeadlineTime deadlineTime) {
        this.changes = changes;
        this.clock = clock;
        this.deadlineTime = deadlineTime;
    }

    /** The order as it stands now: {@code read} itself, or, when it was overdue, the order after its expiry. */
    public Order current(Order read) {
        if (!read.isOverdue(clock.instant())) {
            return read;
        }
        // This instance's clock only picks the candidates; the deadline time decides, under the row lock.
        return changes.apply(read.id(), it -> it.expire(deadlineTime.now())).order();
    }

    /** Expires these overdue orders in one transaction; any that changed meanwhile decide for themselves. */
    public void closeAll(List<OrderId> overdue) {
        if (!overdue.isEmpty()) {
            var now = deadlineTime.once();
            changes.applyToAll(overdue, it -> it.expire(now.get()));
        }
    }
}
