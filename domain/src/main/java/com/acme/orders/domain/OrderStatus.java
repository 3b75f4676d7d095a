package com.acme.orders.domain;

/** {@code UNPAID} is the only state an order leaves; {@code PAID} and {@code CANCELLED} are final. */
public enum OrderStatus {
    UNPAID,
    PAID,
    CANCELLED;

    public boolean isFinal() {
        return this != UNPAID;
    }
}
