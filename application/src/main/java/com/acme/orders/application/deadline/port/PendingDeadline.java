package com.acme.orders.application.deadline.port;

import com.acme.orders.domain.OrderId;
import java.time.Instant;
import java.util.Objects;

/** An unpaid order and the moment it stops accepting payment: one entry of the deadline index. */
public record PendingDeadline(OrderId order, Instant deadline) {

    public PendingDeadline {
        Objects.requireNonNull(order, "order");
        Objects.requireNonNull(deadline, "deadline");
    }
}
