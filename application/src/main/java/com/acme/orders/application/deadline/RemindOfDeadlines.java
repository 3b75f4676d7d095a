package com.acme.orders.application.deadline;

import com.acme.orders.application.change.OrderChanges;
import com.acme.orders.application.deadline.port.DeadlineIndex;
import com.acme.orders.application.deadline.port.PendingDeadline;
import com.acme.orders.application.deadline.port.UnpaidOrders;
import com.acme.orders.domain.OrderId;
import com.acme.orders.domain.Transition;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jmolecules.architecture.hexagonal.PrimaryPort;

/**
 * Reminds customers of a near deadline, on the machinery of the deadline index: a second index holds each new order
 * at its reminder time ({@code before} ahead of its deadline); a batch of due reminders is claimed, each order raises
 * its {@code PaymentReminder} under its row lock if it is still unpaid and not reminded yet (the database remembers, so
 * a reminder handed out twice is sent once), and the claims are acknowledged. Rebuilt from the database like the
 * deadlines when the index lost its data.
 */
@PrimaryPort
public class RemindOfDeadlines {

    private final DeadlineIndex reminders;
    private final UnpaidOrders orders;
    private final OrderChanges changes;
    private final Clock clock;
    private final Duration before;
    private final int batchSize;
    private final Duration lease;

    public RemindOfDeadlines(
            DeadlineIndex reminders,
            UnpaidOrders orders,
            OrderChanges changes,
            Clock clock,
            Duration before,
            int batchSize,
            Duration lease) {
        this.reminders = reminders;
        this.orders = orders;
        this.changes = changes;
        this.clock = clock;
        this.before = before;
        this.batchSize = batchSize;
        this.lease = lease;
    }

    /** When an order placed at {@code placedAt} is reminded: none when its window is no longer than the lead. */
    static Optional<Instant> reminderTime(Instant placedAt, Instant deadline, Duration before) {
        Instant remindAt = deadline.minus(before);
        return before.isPositive() && remindAt.isAfter(placedAt) ? Optional.of(remindAt) : Optional.empty();
    }

    /** @return how many customers this batch reminded; a batch shorter than the batch size means none are due now */
    public Batch remindNextBatch() {
        List<OrderId> claimed = reminders.claimDue(clock.instant(), batchSize, lease);
        if (claimed.isEmpty()) {
            return new Batch(0, 0);
        }
        int reminded = (int) changes.applyToAll(claimed, order -> order.remind(clock.instant())).stream()
                .filter(it -> it.transition() instanceof Transition.Noted)
                .count();
        // Reminded, or nothing to remind of (paid, cancelled, reminded before, past its deadline): done either way.
        reminders.acknowledge(claimed);
        return new Batch(claimed.size(), reminded);
    }

    /** Whether the reminder index may have lost entries (Redis flushed, or restarted without its data). */
    public boolean isLost() {
        return !reminders.isIntact();
    }

    /** @return how many orders were tracked */
    public long rebuild() {
        Instant now = clock.instant();
        Optional<PendingDeadline> after = Optional.empty();
        long tracked = 0;
        while (true) {
            List<PendingDeadline> page = orders.unremindedByDeadline(now, before, after, batchSize);
            // Orders whose reminder time passed meanwhile are due at once: late, but still before their deadline.
            List<PendingDeadline> due = page.stream()
                    .filter(it -> before.isPositive())
                    .map(it -> new PendingDeadline(it.order(), it.deadline().minus(before)))
                    .toList();
            if (!due.isEmpty()) {
                reminders.trackAll(due);
                tracked += due.size();
            }
            if (!page.isEmpty()) {
                after = Optional.of(page.getLast());
            }
            if (page.size() < batchSize) {
                reminders.markRebuilt();
                return tracked;
            }
        }
    }

    /** What one batch did: how many reminders it claimed and how many customers it reminded. */
    public record Batch(int claimed, int reminded) {
        public boolean full(int batchSize) {
            return claimed >= batchSize;
        }
    }
}
