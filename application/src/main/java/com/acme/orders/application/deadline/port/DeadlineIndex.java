package com.acme.orders.application.deadline.port;

import com.acme.orders.domain.OrderId;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.jmolecules.architecture.hexagonal.SecondaryPort;

/**
 * Unpaid orders by payment deadline, so that the timeout worker finds the due ones without scanning the table.
 * Written after the order's transaction commits and only ever a hint: the database decides. An implementation never
 * throws on a failed {@link #track}, {@link #forget} or {@link #acknowledge} (it counts it); the sweeper repairs
 * whatever the index missed, so the customer's request must not fail because of it.
 */
@SecondaryPort
public interface DeadlineIndex {

    void track(OrderId order, Instant deadline);

    void forget(OrderId order);

    /**
     * Takes up to {@code limit} orders whose deadline is at or before {@code now} and hides them from every other
     * claimer until {@code now + lease}, atomically: two workers never hold the same entry at once, and the claims of
     * a worker that dies before {@link #acknowledge} come back by themselves when the lease runs out.
     */
    List<OrderId> claimDue(Instant now, int limit, Duration lease);

    /** Removes claimed entries once the database holds their outcome. */
    void acknowledge(Collection<OrderId> orders);

    /** Tracks many orders at once (a rebuild from the database); may throw, it is never on a customer's path. */
    void trackAll(Collection<PendingDeadline> deadlines);

    /** How many orders are tracked, claimed ones included. */
    long size();

    /**
     * False when the index may have lost entries since {@link #markRebuilt}: Redis flushed, or restarted without its
     * data. Not the same as empty: orders placed after the loss make the index non-empty but still incomplete.
     */
    boolean isIntact();

    /** Records that the index now holds every unpaid order of the database. */
    void markRebuilt();

    /** When {@link #markRebuilt} was last called, for operators; empty while the index is not intact. */
    Optional<Instant> rebuiltAt();
}
