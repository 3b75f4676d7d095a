package com.acme.orders.application.ordering;

/** A retried order request with the same idempotency key asks for something else than the first: a client bug. */
public class IdempotencyKeyReused extends RuntimeException {

    public IdempotencyKeyReused(String key) {
        super("the idempotency key '" + key + "' was already used for a different order request; "
                + "use a new key for a new order");
    }
}
