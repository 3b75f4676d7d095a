package com.acme.orders.domain;

import java.time.Instant;
import java.util.UUID;
import org.jmolecules.event.annotation.DomainEvent;

/**
 * Money arrived that the order cannot keep: it must go back to the customer. Either the order was already cancelled
 * ({@link RefundReason#LATE_PAYMENT}) or already paid by another payment ({@link RefundReason#DUPLICATE_PAYMENT}). The
 * order itself does not change; this event is the record of the debt, carrying what the payment provider needs to
 * refund it (its payment reference and the amount it took) and why.
 */
@DomainEvent
public record RefundRequested(
        UUID eventId,
        OrderId orderId,
        OrderNumber orderNumber,
        CustomerId customerId,
        PaymentReference paymentReference,
        Money amount,
        RefundReason reason,
        Instant occurredAt)
        implements OrderEvent {}
