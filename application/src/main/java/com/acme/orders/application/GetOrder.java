package com.acme.orders.application;

import com.acme.orders.application.port.OrderRepository;
import com.acme.orders.domain.CustomerId;
import com.acme.orders.domain.Order;
import com.acme.orders.domain.OrderId;
import java.time.Clock;
import org.jmolecules.architecture.hexagonal.PrimaryPort;

/**
 * A customer looks at one of their orders. An unpaid order past its deadline is closed before it is shown (passive
 * close, seed 004): what the customer sees is the truth, never an order that still looks payable.
 */
@PrimaryPort
public class GetOrder {

    private final OrderRepository orders;
    private final ExpireOrder expireOrder;
    private final Clock clock;

    public GetOrder(OrderRepository orders, ExpireOrder expireOrder, Clock clock) {
        this.orders = orders;
        this.expireOrder = expireOrder;
        this.clock = clock;
    }

    public Order get(OrderId id, CustomerId customer) {
        Order order = orders.find(id).filter(it -> it.belongsTo(customer)).orElseThrow(() -> new OrderNotFound(id));
        return order.isOverdue(clock.instant()) ? expireOrder.expire(id).order() : order;
    }
}
