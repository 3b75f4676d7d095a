package com.acme.orders.domain;

import java.time.Instant;
import java.util.UUID;
import org.jmolecules.event.annotation.DomainEvent;

@DomainEvent
public record OrderPaid(
        UUID eventId,
        OrderId orderId,
        OrderNumber orderNumber,
        CustomerId customerId,
        Money total,
        PaymentReference paymentReference,
        Instant occurredAt)
        implements OrderEvent {}
