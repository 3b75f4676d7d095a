package com.acme.orders.bootstrap;

import com.acme.orders.application.ExpireDueOrders;
import com.acme.orders.application.port.DeadlineIndex;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Duration;

/** The numbers an operator needs to see whether orders time out on time, and whether the safety net is catching. */
final class TimeoutMetrics {

    private final Clock clock;
    private final Timer lag;
    private final Counter claimed;
    private final Counter cancelled;
    private final Counter alreadySettled;
    private final Counter sweeperRepairs;

    TimeoutMetrics(MeterRegistry meters, DeadlineIndex index, Clock clock) {
        this.clock = clock;
        this.lag = Timer.builder("orders.timeout.lag")
                .description("From an order's payment deadline to its committed cancellation by the timeout worker")
                .publishPercentileHistogram()
                .register(meters);
        this.claimed = Counter.builder("orders.timeout.claimed").register(meters);
        this.cancelled = Counter.builder("orders.timeout.cancelled").register(meters);
        this.alreadySettled = Counter.builder("orders.timeout.already_settled")
                .description("Claimed orders that were paid, cancelled or gone before the worker got to them")
                .register(meters);
        this.sweeperRepairs = Counter.builder("orders.sweeper.repairs")
                .description("Overdue orders cancelled by the sweeper because the deadline index missed them")
                .register(meters);
        // Asks Redis on every scrape: one ZCARD per shard, cheap next to a scrape interval.
        Gauge.builder("orders.deadline_index.size", index, DeadlineIndex::size)
                .description("Orders in the deadline index, claimed ones included")
                .register(meters);
    }

    /** Called after the batch's commit, so the lag includes the commit, as the customer experiences it. */
    void record(ExpireDueOrders.Batch batch) {
        claimed.increment(batch.claimed());
        cancelled.increment(batch.cancelled().size());
        alreadySettled.increment(batch.alreadySettled());
        var now = clock.instant();
        batch.cancelled().forEach(it -> lag.record(Duration.between(it.deadline(), now)));
    }

    void recordRepairs(int repaired) {
        sweeperRepairs.increment(repaired);
    }
}
