package com.acme.orders.adapter.rest.problem;

import com.acme.orders.domain.Order;
import com.acme.orders.domain.Transition;

/**
 * The order refused what the client asked for. The domain answers with a value, not an exception; the controllers
 * (of orders and of payment notifications) throw this so that every refusal becomes a problem detail in the
 * one place that writes them, {@link ProblemResponses}.
 */
public class OrderRefused extends RuntimeException {

    private final transient Order order;
    private final Transition.Refused refused;

    public OrderRefused(Order order, Transition.Refused refused) {
        super(refused.detail());
        this.order = order;
        this.refused = refused;
    }

    /** The order as it stands after the refusal; it may have closed itself on the way (passive close). */
    Order order() {
        return order;
    }

    Transition.Refusal refusal() {
        return refused.refusal();
    }
}
