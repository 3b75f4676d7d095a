package com.acme.orders.application.deadline;

import com.acme.orders.application.change.DeadlineTime;
import com.acme.orders.application.change.OrderChange;
import com.acme.orders.application.change.OrderChanges;
import com.acme.orders.application.deadline.port.DeadlineIndex;
import com.acme.orders.domain.OrderId;
import com.acme.orders.domain.Transition;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jmolecules.architecture.hexagonal.PrimaryPort;

/**
 * One step of the timeout worker: claim a batch of due orders from the deadline index, expire them in one
 * transaction, then acknowledge them. Whatever the index says, each order decides for itself under its row lock, so a
 * claim handed to two workers (an expired lease, a rebuilt index) or a batch done twice changes nothing the second
 * time, and an order paid a moment earlier stays paid.
 */
@PrimaryPort
public class ExpireDueOrders {

    private final DeadlineIndex deadlines;
    private final OrderChanges changes;
    private final DeadlineTime deadlineTime;
    private final Clock clock;
    private final int batchSize;
    private final Duration lease;

    public ExpireDueOrders(
            DeadlineIndex deadlines,
            OrderChanges changes,
            DeadlineTime deadlineTime,
            Clock clock,
            int batchSize,
            Duration lease) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("a batch holds at least one order, got " + batchSize);
        }
        this.deadlines = deadlines;
        this.changes = changes;
        this.deadlineTime = deadlineTime;
        this.clock = clock;
        this.batchSize = batchSize;
        this.lease = lease;
    }

    /** Claims and expires at most one batch; a batch shorter than the batch size means nothing more is due now. */
    public Batch expireNextBatch() {
        List<OrderId> claimed = deadlines.claimDue(clock.instant(), batchSize, lease);
        if (claimed.isEmpty()) {
            return Batch.from(0, List.of(), List.of(), batchSize);
        }
        // An order that cannot be cancelled (a constraint or a trigger refuses it, its row cannot be read) must not
        // hold back the others claimed with it: it is set aside, and its claim, never acknowledged, brings it back
        // once its lease ends, so it is tried again every lease until it can be cancelled or is settled.
        // The claim went by this instance's clock; each order decides by the deadline time (DeadlineTime): an order
        // claimed early by a fast clock is not yet due and goes back to the index at its deadline.
        var now = deadlineTime.once();
        var applied = changes.applyToAllApart(claimed, order -> order.expire(now.get()));
        return Batch.from(claimed.size(), applied.changes(), applied.setAside(), batchSize);
    }

    /**
     * What one batch did. {@code cancelled} are the orders this batch moved to {@code CANCELLED}, with the time they
     * were due to close (their deadline, or the end of their grace or hold), so the caller can measure how late they
     * were; {@code alreadySettled} were paid, cancelled or gone before;
     * {@code notYetDue} went back to the index at their real deadline; {@code setAside} could not be cancelled, each
     * with its failure, and come back when their claim's lease ends.
     */
    public record Batch(
            int claimed,
            List<Cancelled> cancelled,
            int alreadySettled,
            int notYetDue,
            List<OrderChanges.SetAside> setAside,
            boolean full) {

        static Batch from(int claimed, List<OrderChange> outcome, List<OrderChanges.SetAside> setAside, int batchSize) {
            List<Cancelled> cancelled = outcome.stream()
                    .filter(it -> it.transition() instanceof Transition.Changed)
                    .map(it -> new Cancelled(
                            it.order().id(),
                            it.order().dueToCloseAt(),
                            it.order().wasHeld()))
                    .toList();
            int notYetDue = (int) outcome.stream()
                    .map(OrderChange::order)
                    .filter(it -> !it.status().isFinal())
                    .count();
            return new Batch(
                    claimed,
                    cancelled,
                    claimed - cancelled.size() - notYetDue - setAside.size(),
                    notYetDue,
                    List.copyOf(setAside),
                    claimed >= batchSize);
        }

        /** @param held whether the order waited for a payment in progress, whose hold ended with this */
        public record Cancelled(OrderId order, Instant deadline, boolean held) {}
    }
}
