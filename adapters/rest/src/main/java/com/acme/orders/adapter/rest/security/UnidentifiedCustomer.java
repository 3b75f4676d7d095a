package com.acme.orders.adapter.rest.security;

/** The request does not say, in a form we accept, which customer sends it: answered with 401. */
class UnidentifiedCustomer extends RuntimeException {

    UnidentifiedCustomer(String message) {
        super(message);
    }
}
