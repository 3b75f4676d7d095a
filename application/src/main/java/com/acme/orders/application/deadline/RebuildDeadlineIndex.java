package com.acme.orders.application.deadline;

import com.acme.orders.application.deadline.port.DeadlineIndex;
import com.acme.orders.application.deadline.port.PendingDeadline;
import com.acme.orders.application.deadline.port.UnpaidOrders;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
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

    /**
     * Each page is written to the index while the next one is read from the database, so a rebuild takes about the
     * longer of the two instead of their sum. Pages are still written one at a time and in deadline order, so the
     * orders due first are back in the index first: a rebuild after a loss gives the timeout worker the overdue orders
     * with its first page, not after the whole backlog.
     *
     * @return how many orders were tracked
     * @throws RuntimeException what reading or writing a page threw; the index is then not marked rebuilt
     */
    public long rebuild() {
        try (var writer = Executors.newSingleThreadExecutor(
                Thread.ofVirtual().name("deadline-index-rebuild").factory())) {
            Future<?> writing = CompletableFuture.completedFuture(null);
            Optional<PendingDeadline> after = Optional.empty();
            long tracked = 0;
            while (true) {
                List<PendingDeadline> page = orders.unpaidByDeadline(Optional.empty(), after, pageSize);
                awaitWritten(writing);
                if (!page.isEmpty()) {
                    writing = writer.submit(() -> deadlines.trackAll(page));
                    tracked += page.size();
                    after = Optional.of(page.getLast());
                }
                if (page.size() < pageSize) {
                    awaitWritten(writing);
                    deadlines.markRebuilt();
                    return tracked;
                }
            }
        }
    }

    private static void awaitWritten(Future<?> writing) {
        try {
            writing.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            throw new IllegalStateException("writing a page of the rebuild failed", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while rebuilding the deadline index", e);
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
