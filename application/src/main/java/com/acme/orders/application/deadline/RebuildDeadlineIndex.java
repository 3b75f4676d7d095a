package com.acme.orders.application.deadline;

import com.acme.orders.application.deadline.port.DeadlineIndex;
import com.acme.orders.application.deadline.port.PendingDeadline;
import com.acme.orders.application.deadline.port.UnpaidOrders;
import java.util.List;
import java.util.Optional;
import org.jmolecules.architecture.hexagonal.PrimaryPort;

/**
 * Puts every unpaid order of the database back into the deadline index, a page at a time: at start-up, and whenever
 * the index reports it lost its data (Redis flushed or restarted without it). Tracking an order that is tracked already
 * only rewrites its score; tracking one that is paid a moment later leaves an entry the worker acknowledges as already
 * settled. Both are harmless, so the rebuild needs no lock against the live traffic.
 */
@PrimaryPort
public class RebuildDeadlineIndex {

    /**
     * Orders read and tracked per step: large, because a page costs one keyset read of the partial index and one
     * pipelined write to Redis whatever its size, and the rebuild's time is mostly those round trips.
     */
    public static final int PAGE_SIZE = 10_000;

    private final UnpaidOrders orders;
    private final DeadlineIndex deadlines;
    private final int pageSize;

    public RebuildDeadlineIndex(UnpaidOrders orders, DeadlineIndex deadlines, int pageSize) {
        this.orders = orders;
        this.deadlines = deadlines;
        this.pageSize = pageSize;
    }

    /** @return how many orders were tracked */
    public long rebuild() {
        Optional<PendingDeadline> after = Optional.empty();
        long tracked = 0;
        while (true) {
            List<PendingDeadline> page = orders.unpaidByDeadline(Optional.empty(), after, pageSize);
            if (!page.isEmpty()) {
                deadlines.trackAll(page);
                tracked += page.size();
                after = Optional.of(page.getLast());
            }
            if (page.size() < pageSize) {
                deadlines.markRebuilt();
                return tracked;
            }
        }
    }

    /** Whether the index may have lost entries (Redis flushed, or restarted without its data): cheap to ask often. */
    public boolean isLost() {
        return !deadlines.isIntact();
    }

    /** Rebuilds only when the index says it may have lost entries (Redis flushed, or restarted without its data). */
    public long rebuildIfLost() {
        return deadlines.isIntact() ? 0 : rebuild();
    }
}
