package com.acme.orders.application.deadline;

import com.acme.orders.application.change.DeadlineTime;
import com.acme.orders.application.change.OrderChanges;
import com.acme.orders.application.deadline.port.PendingDeadline;
import com.acme.orders.application.deadline.port.UnpaidOrders;
import com.acme.orders.domain.Transition;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jmolecules.architecture.hexagonal.PrimaryPort;

/**
 * The safety net under the deadline index: cancels, in batches, every unpaid order whose deadline passed more than
 * {@code margin} ago, reading the database's own partial index of unpaid orders. It catches what the index lost (Redis
 * flushed or restarted, a write that failed after the commit). The margin leaves the timely orders to the worker, so in
 * normal operation a sweep finds nothing and costs one index range scan.
 */
@PrimaryPort
public class SweepOverdueOrders {

    private final UnpaidOrders orders;
    private final OrderChanges changes;
    private final Clock clock;
    private final DeadlineTime deadlineTime;
    private final int batchSize;
    private final Duration margin;

    public SweepOverdueOrders(
            UnpaidOrders orders,
            OrderChanges changes,
            Clock clock,
            DeadlineTime deadlineTime,
            int batchSize,
            Duration margin) {
        this.orders = orders;
        this.changes = changes;
        this.clock = clock;
        this.deadlineTime = deadlineTime;
        this.batchSize = batchSize;
        this.margin = margin;
    }

    /**
     * @return how many orders this sweep cancelled (each one a repair of something the index missed), and the orders
     *     it could not cancel, each with its failure: one of them never stops the sweep, and the next sweep tries it
     *     again
     */
    public Sweep sweep() {
        Instant dueBy = clock.instant().minus(margin);
        Optional<PendingDeadline> after = Optional.empty();
        int repaired = 0;
        var setAside = new ArrayList<OrderChanges.SetAside>();
        while (true) {
            List<PendingDeadline> page = orders.unpaidByDeadline(Optional.of(dueBy), after, batchSize);
            if (page.isEmpty()) {
                return new Sweep(repaired, setAside);
            }
            // Keyset from the last row seen, not "the next overdue ones": an order that somehow stays unpaid can never
            // make the sweep loop on it forever.
            after = Optional.of(page.getLast());
            var now = deadlineTime.once();
            var applied = changes.applyToAllApart(
                    page.stream().map(PendingDeadline::order).toList(), order -> order.expire(now.get()));
            repaired += (int) applied.changes().stream()
                    .filter(it -> it.transition() instanceof Transition.Changed)
                    .count();
            setAside.addAll(applied.setAside());
            if (page.size() < batchSize) {
                return new Sweep(repaired, setAside);
            }
        }
    }

    /** What one sweep did. */
    public record Sweep(int repaired, List<OrderChanges.SetAside> setAside) {}
}
