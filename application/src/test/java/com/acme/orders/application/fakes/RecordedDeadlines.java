package com.acme.orders.application.fakes;

import com.acme.orders.application.deadline.port.DeadlineIndex;
import com.acme.orders.application.deadline.port.PendingDeadline;
import com.acme.orders.domain.OrderId;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Map.Entry;
import java.util.Optional;

/**
 * The deadlines currently tracked, as a sorted set in Redis would hold them: the score of a claimed entry is pushed
 * forward by the lease, so it comes back by itself if it is never acknowledged.
 */
public class RecordedDeadlines implements DeadlineIndex {

    private final Map<OrderId, Instant> tracked = new HashMap<>();
    private boolean intact;

    @Override
    public synchronized void track(OrderId order, Instant deadline) {
        tracked.put(order, deadline);
    }

    @Override
    public synchronized void forget(OrderId order) {
        tracked.remove(order);
    }

    @Override
    public synchronized List<OrderId> claimDue(Instant now, int limit, Duration lease) {
        List<OrderId> due = tracked.entrySet().stream()
                .filter(it -> !it.getValue().isAfter(now))
                .sorted(Entry.comparingByValue())
                .limit(limit)
                .map(Entry::getKey)
                .toList();
        due.forEach(it -> tracked.put(it, now.plus(lease)));
        return due;
    }

    @Override
    public synchronized void acknowledge(Collection<OrderId> orders) {
        orders.forEach(tracked::remove);
    }

    @Override
    public synchronized void trackAll(Collection<PendingDeadline> deadlines) {
        deadlines.forEach(it -> tracked.put(it.order(), it.deadline()));
    }

    @Override
    public synchronized long size() {
        return tracked.size();
    }

    @Override
    public synchronized boolean isIntact() {
        return intact;
    }

    @Override
    public synchronized void markRebuilt() {
        intact = true;
    }

    @Override
    public synchronized Optional<Instant> rebuiltAt() {
        return intact ? Optional.of(Instant.EPOCH) : Optional.empty();
    }

    /** Every tracked order and its current score: the deadline, or the end of the lease of a claimed entry. */
    public synchronized Map<OrderId, Instant> tracked() {
        return Map.copyOf(tracked);
    }

    /** Redis lost its data. */
    public synchronized void clear() {
        tracked.clear();
        intact = false;
    }
}
