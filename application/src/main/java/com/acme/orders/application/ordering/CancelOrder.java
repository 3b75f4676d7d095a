package com.acme.orders.application.ordering;

import com.acme.orders.application.change.DeadlineTime;
import com.acme.orders.application.change.OrderChange;
import com.acme.orders.application.change.OrderChanges;
import com.acme.orders.application.change.OrderNotFound;
import com.acme.orders.domain.CustomerId;
import com.acme.orders.domain.OrderId;
import org.jmolecules.architecture.hexagonal.PrimaryPort;

/** A customer withdraws one of their own unpaid orders. */
@PrimaryPort
public class CancelOrder {

    private final OrderChanges changes;
    private final DeadlineTime deadlineTime;

    public CancelOrder(OrderChanges changes, DeadlineTime deadlineTime) {
        this.changes = changes;
        this.deadlineTime = deadlineTime;
    }

    public OrderChange cancel(OrderId order, CustomerId customer) {
        return changes.apply(order, it -> {
            if (!it.belongsTo(customer)) {
                throw new OrderNotFound(order);
            }
            return it.cancelByCustomer(deadlineTime.now());
        });
    }
}
