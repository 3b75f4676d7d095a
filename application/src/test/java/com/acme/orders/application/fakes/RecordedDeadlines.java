package com.acme.orders.application.fakes;

import com.acme.orders.application.port.DeadlineIndex;
import com.acme.orders.domain.OrderId;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The deadlines currently tracked, as a sorted set in Redis would hold them. */
public class RecordedDeadlines implements DeadlineIndex {

    private final Map<OrderId, Instant> tracked = new ConcurrentHashMap<>();

    @Override
    public void track(OrderId order, Instant deadline) {
        tracked.put(order, deadline);
    }

    @Override
    public void forget(OrderId order) {
        tracked.remove(order);
    }

    public Map<OrderId, Instant> tracked() {
        return Map.copyOf(tracked);
    }
}
