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
        /**
         * The order cannot keep the money: it was cancelled before the money arrived, or paid by another payment. It
         * stays as it is and the money goes back.
         */
        REFUND_REQUESTED,
        /** The order waits for the outcome of this payment, past its deadline if need be, for the hold. */
        PAYMENT_IN_PROGRESS,
        /** The order no longer waits for this payment; past its deadline it is cancelled. */
        PAYMENT_FAILED
    }
}
