package com.acme.orders.application.ordering;

import com.acme.orders.application.change.OrderNotFound;
import com.acme.orders.application.change.PassiveClose;
import com.acme.orders.application.change.port.OrderRepository;
import com.acme.orders.domain.CustomerId;
import com.acme.orders.domain.Order;
import com.acme.orders.domain.OrderId;
import org.jmolecules.architecture.hexagonal.PrimaryPort;

/**
 * A customer looks at one of their orders. An unpaid order past its deadline is closed before it is shown (passive
 * close): what the customer sees is the truth, never an order that still looks payable.
 */
@PrimaryPort
public class GetOrder {

    private final OrderRepository orders;
    private final PassiveClose passiveClose;

    public GetOrder(OrderRepository orders, PassiveClose passiveClose) {
        this.orders = orders;
        this.passiveClose = passiveClose;
    }

    public Order get(OrderId id, CustomerId customer) {
        Order order = orders.find(id).filter(it -> it.belongsTo(customer)).orElseThrow(() -> new OrderNotFound(id));
        return passiveClose.current(order);
    }
}
