package com.acme.orders.application.change.port;

import com.acme.orders.domain.OrderId;

/** Somebody else changed the order between our read and our write; nothing of ours was stored. Safe to retry. */
public class ConcurrentOrderChange extends RuntimeException {

    public ConcurrentOrderChange(OrderId id) {
        super("order " + id + " was changed concurrently; nothing was stored");
    }
}
