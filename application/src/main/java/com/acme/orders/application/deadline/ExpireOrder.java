package com.acme.orders.application.deadline;

import com.acme.orders.application.change.DeadlineTime;
import com.acme.orders.application.change.OrderChange;
import com.acme.orders.application.change.OrderChanges;
import com.acme.orders.domain.OrderId;
import org.jmolecules.architecture.hexagonal.PrimaryPort;

/** An order's payment deadline has passed: if it is still unpaid, it is cancelled as timed out; otherwise nothing happens. */
@PrimaryPort
public class ExpireOrder {

    private final OrderChanges changes;
    private final DeadlineTime deadlineTime;

    public ExpireOrder(OrderChanges changes, DeadlineTime deadlineTime) {
        this.changes = changes;
        this.deadlineTime = deadlineTime;
    }

    public OrderChange expire(OrderId order) {
        return changes.apply(order, it -> it.expire(deadlineTime.now()));
    }
}
