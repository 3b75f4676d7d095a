package com.acme.orders.application.change;

import com.acme.orders.domain.OrderId;

/** No such order, or not one the caller may see: the two are deliberately indistinguishable to the caller. */
public class OrderNotFound extends RuntimeException {

    public OrderNotFound(OrderId id) {
        super("order " + id + " not found");
    }
}
