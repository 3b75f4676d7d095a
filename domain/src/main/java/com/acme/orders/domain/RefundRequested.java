package com.acme.orders.domain;

import java.time.Instant;
import java.util.UUID;
import org.jmolecules.event.annotation.DomainEvent;

/**
 * Money arrived for an order that was already cancelled: it must go back to the customer. The order itself does not
 * change (it stays cancelled); this event is the record of the debt, carrying what the payment provider needs to
 * refund it (its payment reference and the amount it took).
 */
@DomainEvent
public record RefundRequested(
        UUID eventId,
        OrderId orderId,
        OrderNumber orderNumber,
        CustomerId customerId,
        PaymentReference paymentReference,
        Money amount,
        Instant occurredAt)
        implements OrderEvent {}
