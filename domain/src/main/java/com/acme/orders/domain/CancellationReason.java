package com.acme.orders.domain;

public enum CancellationReason {
    /** The payment deadline passed with no payment; the service closed the order by itself. */
    PAYMENT_TIMEOUT,
    /** The customer withdrew the order before paying. */
    CUSTOMER_REQUEST
}
