package com.acme.orders.adapter.scheduling.deadline;

import com.acme.orders.application.deadline.ExpireDueOrders;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Duration;

/** The numbers an operator needs to see whether orders time out on time, and whether the safety net is catching. */
public final class DeadlineMetrics {

    private final Clock clock;
    private final Timer lag;
    private final Counter claimed;
    private final Counter cancelled;
    private final Counter alreadySettled;
    private final Counter sweeperRepairs;
    private final Counter holdsExpired;

    public DeadlineMetrics(MeterRegistry meters, Clock clock) {
        this.clock = clock;
        this.lag = Timer.builder("orders.timeout.lag")
                .description("From when an order was due to close (its deadline, or the end of its grace or hold) to "
                        + "its committed cancellation by the timeout worker")
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
        this.holdsExpired = Counter.builder("orders.payments.holds.ended")
                .description("Holds for a payment in progress that ended, by how")
                .tag("outcome", "expired")
                .register(meters);
    }

    /** Called after the batch's commit, so the lag includes the commit, as the customer experiences it. */
    void record(ExpireDueOrders.Batch batch) {
        claimed.increment(batch.claimed());
        cancelled.increment(batch.cancelled().size());
        alreadySettled.increment(batch.alreadySettled());
        var now = clock.instant();
        batch.cancelled().forEach(it -> {
            lag.record(Duration.between(it.deadline(), now));
            if (it.held()) {
                holdsExpired.increment();
            }
        });
    }

    void recordRepairs(int repaired) {
        sweeperRepairs.increment(repaired);
    }
}
