package com.acme.orders.domain;

import java.time.Instant;
import java.util.UUID;
import org.jmolecules.event.annotation.DomainEvent;

/**
 * An unpaid order's deadline is near: the customer may be told that it will be cancelled unless paid by then. Raised
 * once per order at most, and only while it is unpaid; the order itself does not change.
 */
@DomainEvent
public record PaymentReminder(
        UUID eventId,
        OrderId orderId,
        OrderNumber orderNumber,
        CustomerId customerId,
        Money total,
        Instant paymentDeadline,
        Instant occurredAt)
        implements OrderEvent {}
