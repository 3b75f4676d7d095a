package com.acme.orders.domain;

/** Why money taken for an order must go back. */
public enum RefundReason {
    /** The order no longer took payment when the money arrived: its deadline had passed, or its customer withdrew it. */
    LATE_PAYMENT,
    /** The order was already paid by another payment: the customer paid twice. */
    DUPLICATE_PAYMENT
}
