package com.acme.orders.bootstrap;

import com.acme.orders.application.RebuildDeadlineIndex;
import com.acme.orders.application.SweepOverdueOrders;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * The safety net, on its own schedule: rebuilds the deadline index at start-up and whenever it reports it lost its
 * data (Redis flushed, or restarted without it), then cancels whatever overdue orders the index missed. Each instance runs
 * one; two sweepers meeting on the same order are serialised by its row lock and the second finds it already done.
 */
final class OrderSweeper implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OrderSweeper.class);

    private final PeriodicLoop loop;
    private final AtomicBoolean rebuiltAtStart = new AtomicBoolean();

    OrderSweeper(RebuildDeadlineIndex rebuild, SweepOverdueOrders sweep, TimeoutMetrics metrics, Duration interval) {
        this.loop = new PeriodicLoop("order-sweeper", interval, () -> {
            rebuildIfNeeded(rebuild);
            int repaired = sweep.sweep();
            metrics.recordRepairs(repaired);
            if (repaired > 0) {
                log.warn("Sweeper cancelled {} overdue orders the deadline index had missed", repaired);
            }
        });
    }

    /** Redis being away must not stop the sweep, which is exactly what covers for it: its failure stays here. */
    private void rebuildIfNeeded(RebuildDeadlineIndex rebuild) {
        try {
            // Only this loop's thread gets here, so reading and then setting the flag races with nobody.
            long tracked = rebuiltAtStart.get() ? rebuild.rebuildIfLost() : rebuild.rebuild();
            rebuiltAtStart.set(true);
            if (tracked > 0) {
                log.info("Deadline index rebuilt from the database: {} unpaid orders tracked", tracked);
            }
        } catch (RuntimeException e) {
            log.warn("Deadline index could not be checked or rebuilt; sweeping anyway: {}", e.toString());
        }
    }

    /**
     * Whether the rebuild at start-up has finished. Until then it may still write entries for orders it read before
     * they changed, which matters to whoever wipes the data under a starting instance (the tests do).
     */
    boolean hasRebuiltSinceStart() {
        return rebuiltAtStart.get();
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
