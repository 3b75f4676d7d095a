package com.acme.orders.adapter.scheduling.deadline;

import com.acme.orders.application.change.OrderChanges;
import com.acme.orders.application.deadline.ExpireDueOrders;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The numbers an operator needs to see whether orders time out on time, and whether the safety net is catching. */
public final class DeadlineMetrics {

    private static final Logger log = LoggerFactory.getLogger(DeadlineMetrics.class);

    private final MeterRegistry meters;
    private final Clock clock;
    private final Timer lag;
    private final Counter claimed;
    private final Counter cancelled;
    private final Counter alreadySettled;
    private final Counter sweeperRepairs;
    private final Counter holdsExpired;

    public DeadlineMetrics(MeterRegistry meters, Clock clock) {
        this.meters = meters;
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
        recordSetAside("worker", batch.setAside());
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

    /**
     * Orders that could not be cancelled on their own (a constraint, a trigger, a row that cannot be read), logged
     * with their id for the operator, and counted: an alert's business (docs/runbook.md).
     */
    void recordSetAside(String by, List<OrderChanges.SetAside> setAside) {
        setAside.forEach(it -> {
            log.error(
                    "Order {} could not be cancelled and was set aside by the {}; the others went on. It is tried again"
                            + " after its claim's lease (worker) or at the next sweep: {}",
                    it.order().value(),
                    by,
                    it.failure().toString());
            Counter.builder("orders.timeout.set_aside")
                    .description("Orders whose cancellation failed on its own and was set aside to be tried again")
                    .tag("by", by)
                    .register(meters)
                    .increment();
        });
    }
}
