package com.acme.orders.bootstrap;

import com.acme.orders.application.RebuildDeadlineIndex;
import com.acme.orders.application.SweepOverdueOrders;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * The safety net, on its own schedule: rebuilds the deadline index at start-up and whenever it is found empty (Redis
 * flushed, or restarted without its data), then cancels whatever overdue orders the index missed. Each instance runs
 * one; two sweepers meeting on the same order are serialised by its row lock and the second finds it already done.
 */
final class OrderSweeper implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OrderSweeper.class);

    private final PeriodicLoop loop;
    private final AtomicBoolean rebuiltAtStart = new AtomicBoolean();

    OrderSweeper(RebuildDeadlineIndex rebuild, SweepOverdueOrders sweep, TimeoutMetrics metrics, Duration interval) {
        this.loop = new PeriodicLoop("order-sweeper", interval, () -> {
            long tracked = rebuiltAtStart.compareAndSet(false, true) ? rebuild.rebuild() : rebuild.rebuildIfEmpty();
            if (tracked > 0) {
                log.info("Deadline index rebuilt from the database: {} unpaid orders tracked", tracked);
            }
            int repaired = sweep.sweep();
            metrics.recordRepairs(repaired);
            if (repaired > 0) {
                log.warn("Sweeper cancelled {} overdue orders the deadline index had missed", repaired);
            }
        });
    }

    @Override
    public void start() {
        loop.start();
    }

    @Override
    public void stop() {
        loop.stop(Duration.ofSeconds(30));
    }

    @Override
    public boolean isRunning() {
        return loop.isRunning();
    }
}
