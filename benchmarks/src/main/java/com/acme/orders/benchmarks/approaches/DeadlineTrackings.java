package com.acme.orders.benchmarks.approaches;

import com.acme.orders.benchmarks.Approach;
import com.acme.orders.benchmarks.servers.Servers;

/** Placeholder until the approaches land: tracks nothing. */
public final class DeadlineTrackings {

    private DeadlineTrackings() {
    }

    public static DeadlineTracking of(Approach approach, Servers servers) {
        return new DeadlineTracking() {
            @Override
            public void track(java.util.List<com.acme.orders.application.port.PendingDeadline> orders) {
            }

            @Override
            public void close() {
            }
        };
    }
}
