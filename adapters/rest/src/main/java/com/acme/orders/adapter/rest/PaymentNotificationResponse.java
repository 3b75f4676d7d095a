package com.acme.orders.adapter.rest;

import com.acme.orders.domain.OrderStatus;
import java.util.UUID;

/**
 * What the service did with a payment notification. {@code ALREADY_PAID} is a success too: providers retry, and the
 * second delivery of the same payment must not look like a failure to them.
 */
record PaymentNotificationResponse(UUID orderId, OrderStatus status, Result result) {

    enum Result {
        PAID,
        ALREADY_PAID
    }
}
