package com.acme.orders.domain;

import java.time.Instant;
import java.util.UUID;

/**
 * What happened to an order, as the rest of the company learns it. Every transition raises exactly one; a payment
 * the order cannot keep raises a {@link RefundRequested}, and a near deadline a {@link PaymentReminder}, without
 * changing the order.
 * The event id is fixed when the event is raised, so every retry of its delivery carries the same id and a consumer
 * can deduplicate by it.
 */
public sealed interface OrderEvent permits OrderPlaced, OrderPaid, OrderCancelled, RefundRequested, PaymentReminder {

    UUID eventId();

    OrderId orderId();

    Instant occurredAt();
}
