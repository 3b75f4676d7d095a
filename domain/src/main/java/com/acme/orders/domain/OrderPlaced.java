package com.acme.orders.domain;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jmolecules.event.annotation.DomainEvent;

@DomainEvent
public record OrderPlaced(
        UUID eventId,
        OrderId orderId,
        OrderNumber orderNumber,
        CustomerId customerId,
        List<LineItem> items,
        Money total,
        Instant paymentDeadline,
        Instant occurredAt)
        implements OrderEvent {

    public OrderPlaced {
        items = List.copyOf(items);
    }
}
