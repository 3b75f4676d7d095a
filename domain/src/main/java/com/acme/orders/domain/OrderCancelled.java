package com.acme.orders.domain;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jmolecules.event.annotation.DomainEvent;

/** Carries what the customer must be told (number, amount, reason) and what inventory must release (the items). */
@DomainEvent
public record OrderCancelled(
        UUID eventId,
        OrderId orderId,
        OrderNumber orderNumber,
        CustomerId customerId,
        List<LineItem> items,
        Money total,
        CancellationReason reason,
        Instant occurredAt)
        implements OrderEvent {

    public OrderCancelled {
        items = List.copyOf(items);
    }
}
