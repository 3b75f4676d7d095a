package com.acme.orders.application.outbox.port;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * An event stored in the outbox and not yet published, as plain data: what the broker needs to send it, and what the
 * relay needs to decide about a failure.
 *
 * @param position  its place in the outbox; the events of one order have increasing positions in the order they happened
 * @param key       the order id: the broker keeps the events of one key in order
 * @param type      the versioned event type, {@code com.acme.orders.order.cancelled.v1}
 * @param data      the event's JSON document, exactly as it is published
 * @param storedAt  when the event was committed to the outbox
 * @param attempts  how many sends of it have failed so far
 * @param traceparent the W3C trace context of the request that raised it ({@code 00-<trace id>-<span id>-<flags>}),
 *                  sent along so that a consumer continues that trace; null when it was raised outside any trace
 */
public record PendingEvent(
        long position,
        UUID eventId,
        String key,
        String type,
        Instant occurredAt,
        String data,
        Instant storedAt,
        int attempts,
        @Nullable String traceparent) {}
