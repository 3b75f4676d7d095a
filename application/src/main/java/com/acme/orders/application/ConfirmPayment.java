package com.acme.orders.application;

import com.acme.orders.domain.OrderId;
import com.acme.orders.domain.Payment;
import java.time.Clock;
import org.jmolecules.architecture.hexagonal.PrimaryPort;

/**
 * A payment provider reports money taken for an order. Before the deadline the order becomes paid; after it, the order
 * closes as timed out and the payment is refused, whichever of payment and timeout reaches the database first.
 */
@PrimaryPort
public class ConfirmPayment {

    private final OrderChanges changes;
    private final Clock clock;

    public ConfirmPayment(OrderChanges changes, Clock clock) {
        this.changes = changes;
        this.clock = clock;
    }

    public OrderChange confirm(OrderId order, Payment payment) {
        return changes.apply(order, it -> it.confirmPayment(payment, clock.instant()));
    }
}
