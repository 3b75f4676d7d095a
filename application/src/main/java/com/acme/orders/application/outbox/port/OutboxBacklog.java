package com.acme.orders.application.outbox.port;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jmolecules.architecture.hexagonal.SecondaryPort;

/** What waits in the outbox, as an operator sees it, and the one thing an operator does to it: requeue. */
@SecondaryPort
public interface OutboxBacklog {

    Backlog measure();

    /** The parked events, oldest first, at most {@code limit}. */
    List<ParkedEvent> parked(int limit);

    /**
     * Puts a parked event back in line: no attempts, due at once. It is published before the later events of its
     * order, which it held back.
     *
     * @return false when no event at {@code position} is parked (never was, already requeued, or deleted)
     */
    boolean requeue(long position);

    /**
     * @param waiting       events waiting to be published, parked ones excluded
     * @param parked        events parked after too many failed sends
     * @param oldestWaiting when the oldest waiting event was stored; empty when none waits
     */
    record Backlog(long waiting, long parked, Optional<Instant> oldestWaiting) {}

    /**
     * @param position  its place in the outbox, which names it for {@link #requeue}
     * @param lastError why its last send failed, as the broker's client said it
     */
    record ParkedEvent(
            long position,
            UUID eventId,
            String orderId,
            String type,
            Instant storedAt,
            int attempts,
            Instant parkedAt,
            String lastError) {}
}
