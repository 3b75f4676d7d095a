package com.acme.orders.adapter.rest.order;

/** A {@code cursor} that this service did not hand out (or that was damaged on the way): answered with 400. */
class MalformedCursor extends RuntimeException {

    MalformedCursor() {
        super("the cursor is not one this service handed out; pass the nextCursor of the previous page unchanged");
    }
}
