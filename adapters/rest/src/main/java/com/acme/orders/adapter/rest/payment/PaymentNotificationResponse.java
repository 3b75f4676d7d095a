package com.acme.orders.adapter.rest.payment;

import com.acme.orders.domain.OrderStatus;
import java.util.UUID;

/**
 * What the service did with a payment notification. {@code ALREADY_PAID} and {@code REFUND_REQUESTED} are successes too: providers retry, and the
 * second delivery of the same payment must not look like a failure to them.
 */
record PaymentNotificationResponse(UUID orderId, OrderStatus status, Result result) {

    enum Result {
        PAID,
        ALREADY_PAID,
        /** The order was cancelled before the money arrived; it stays cancelled and the money goes back. */
        REFUND_REQUESTED
    }
}
