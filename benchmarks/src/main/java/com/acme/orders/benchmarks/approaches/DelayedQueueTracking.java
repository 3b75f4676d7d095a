package com.acme.orders.benchmarks.approaches;

import com.acme.orders.application.deadline.port.PendingDeadline;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Each order offered to Redisson's delayed queue with the milliseconds left to its deadline, with {@code offerAsync}
 * in batches of {@link DeadlineTrackings#PIPELINE} (Redisson pipelines them over its connection pool). While this
 * tracking is open its client also runs a transfer task of the queue ({@link OrderTimeoutQueue}); closing it stops
 * that.
 */
final class DelayedQueueTracking implements DeadlineTracking {

    private final OrderTimeoutQueue queue;

    DelayedQueueTracking(String host, int port) {
        this.queue = OrderTimeoutQueue.connect(host, port);
    }

    /**
     * Offered in deadline order, the order in which placing them with one payment window would have offered them. It
     * matters to Redisson: its transfer script removes each due element from a list kept in offer order with
     * {@code LREM}, which scans from the list's head, so due elements offered behind many later ones cost a scan each.
     * Across calls the driver keeps that order itself (a backlog due in hours offered before orders due now would make
     * every transfer scan past it).
     */
    @Override
    public void track(List<PendingDeadline> unordered) {
        List<PendingDeadline> orders = unordered.stream()
                .sorted(Comparator.comparing(PendingDeadline::deadline))
                .toList();
        for (int from = 0; from < orders.size(); from += DeadlineTrackings.PIPELINE) {
            var batch = orders.subList(from, Math.min(from + DeadlineTrackings.PIPELINE, orders.size()));
            Instant now = Instant.now();
            CompletableFuture<?>[] offers = batch.stream()
                    .map(it -> queue.delayed()
                            .offerAsync(
                                    OrderTimeoutQueue.element(it.order()),
                                    ExpiringKeys.millisUntil(it.deadline(), now),
                                    TimeUnit.MILLISECONDS)
                            .toCompletableFuture())
                    .toArray(CompletableFuture[]::new);
            try {
                CompletableFuture.allOf(offers).get(DeadlineTrackings.BATCH_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            } catch (Exception e) {
                throw new IllegalStateException("Redisson did not take " + batch.size() + " offers", e);
            }
        }
    }

    @Override
    public void close() {
        queue.close();
    }
}
