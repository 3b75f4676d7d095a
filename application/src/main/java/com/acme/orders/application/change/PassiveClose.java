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

    public PassiveClose(OrderChanges changes, Clock clock) {
        this.changes = changes;
        this.clock = clock;
    }

    /** The order as it stands now: {@code read} itself, or, when it was overdue, the order after its expiry. */
    public Order current(Order read) {
        if (!read.isOverdue(clock.instant())) {
            return read;
        }
        return changes.apply(read.id(), it -> it.expire(clock.instant())).order();
    }

    /** Expires these overdue orders in one transaction; any that changed meanwhile decide for themselves. */
    public void closeAll(List<OrderId> overdue) {
        if (!overdue.isEmpty()) {
            changes.applyToAll(overdue, it -> it.expire(clock.instant()));
        }
    }
}
