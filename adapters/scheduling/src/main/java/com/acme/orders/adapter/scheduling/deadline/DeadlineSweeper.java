package com.acme.orders.adapter.scheduling.deadline;

import com.acme.orders.adapter.scheduling.loop.LoopLifecycle;
import com.acme.orders.adapter.scheduling.loop.PeriodicLoop;
import com.acme.orders.application.deadline.RebuildDeadlineIndex;
import com.acme.orders.application.deadline.SweepOverdueOrders;
import java.time.Duration;
import org.jmolecules.architecture.hexagonal.PrimaryAdapter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The safety net, on its own schedule: rebuilds the deadline index at start-up and whenever it reports it lost its
 * data (Redis flushed, or restarted without it), then cancels whatever overdue orders the index missed. Each instance runs
 * one; two sweepers meeting on the same order are serialised by its row lock and the second finds it already done.
 */
@PrimaryAdapter
public final class DeadlineSweeper extends LoopLifecycle {

    private static final Logger log = LoggerFactory.getLogger(DeadlineSweeper.class);

    private final PeriodicLoop loop;
    /** At start-up, and after a round that could not check or rebuild the index. Only the loop's thread writes it. */
    private volatile boolean rebuildInFull = true;

    private volatile boolean rebuiltSinceStart;

    public DeadlineSweeper(
            RebuildDeadlineIndex rebuild, SweepOverdueOrders sweep, DeadlineMetrics metrics, Duration interval) {
        this.loop = new PeriodicLoop("order-sweeper", interval, () -> {
            rebuildIfNeeded(rebuild);
            var swept = sweep.sweep();
            int repaired = swept.repaired();
            metrics.recordRepairs(repaired);
            metrics.recordSetAside("sweeper", swept.setAside());
            if (repaired > 0) {
                log.warn("Sweeper cancelled {} overdue orders the deadline index had missed", repaired);
            }
        });
    }

    /** Redis being away must not stop the sweep, which is exactly what covers for it: its failure stays here. */
    private void rebuildIfNeeded(RebuildDeadlineIndex rebuild) {
        try {
            long tracked = rebuildInFull ? rebuild.rebuild() : rebuild.rebuildIfLost();
            rebuildInFull = false;
            rebuiltSinceStart = true;
            if (tracked > 0) {
                log.info("Deadline index rebuilt from the database: {} unpaid orders tracked", tracked);
            }
        } catch (RuntimeException e) {
            // Writes to the index may have failed meanwhile too (they are only counted): the next round rebuilds.
            rebuildInFull = true;
            log.warn("Deadline index could not be checked or rebuilt; sweeping anyway: {}", e.toString());
        }
    }

    /** Runs a round now instead of after the pause: the timeout worker found the index lost. */
    public void wakeUp() {
        loop.wakeUp();
    }

    /**
     * Whether the rebuild at start-up has finished. Until then it may still write entries for orders it read before
     * they changed, which matters to whoever wipes the data under a starting instance (the tests do).
     */
    public boolean hasRebuiltSinceStart() {
        return rebuiltSinceStart;
    }

    @Override
    protected PeriodicLoop loop() {
        return loop;
    }
}
