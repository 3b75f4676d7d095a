package com.acme.orders.application.outbox.port;

import java.time.Instant;
import java.util.List;
import org.jmolecules.architecture.hexagonal.SecondaryPort;

/**
 * The outbox as the relay sees it. Every method runs inside the relay's transaction: the claim is held until it
 * ends, and the removal of published events commits only after the broker has acknowledged them.
 */
@SecondaryPort
public interface PendingEvents {

    /**
     * Makes this transaction the only relay at work, across every instance of the service, until it ends.
     *
     * @return false when another relay holds the claim; this one must then leave the outbox alone
     */
    boolean claimRelay();

    /**
     * At most {@code limit} events whose turn has come, oldest first, and never two of the same order: only the
     * earliest unpublished event of each order, and none of an order whose earliest event is parked or waiting for
     * its retry. So a batch cannot reorder one order's events, whatever the broker does with it.
     */
    List<PendingEvent> nextBatch(int limit, Instant now);

    /** The broker acknowledged these events: they leave the outbox. */
    void published(List<PendingEvent> events);

    /** Sending the event failed: it is tried again from {@code retryAt}, or, when {@code park}, kept aside for good. */
    void failed(PendingEvent event, String reason, Instant retryAt, boolean park);
}
