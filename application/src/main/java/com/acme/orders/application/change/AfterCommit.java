package com.acme.orders.application.change;

import com.acme.orders.domain.OrderId;
import java.time.Instant;
import java.util.Collection;

/**
 * What follows a committed change, outside its transaction: the deadline feature keeps its index in step through
 * this, so placing and changing orders need not know the index exists (and the packages depend one way only). An
 * implementation never throws: the database already holds the truth, and the sweeper repairs whatever was missed.
 */
public interface AfterCommit {

    /** The order is unpaid and due at {@code deadline}: claimed before its time, or waiting longer than it was. */
    void unpaid(OrderId order, Instant deadline);

    /**
     * The order was just placed at {@code placedAt}, due for payment at {@code deadline} and closed for want of it at
     * {@code closesAt} (later with a settlement grace).
     */
    void placed(OrderId order, Instant placedAt, Instant deadline, Instant closesAt);

    /** The order was paid or cancelled by this change: nothing is due for it any more. */
    void settled(OrderId order);

    /** {@link #settled} for a batch: the orders are final, or gone from the database. */
    void settledAll(Collection<OrderId> orders);
}
