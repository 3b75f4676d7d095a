package com.acme.orders.adapter.scheduling.deadline;

import com.acme.orders.adapter.scheduling.loop.LoopLifecycle;
import com.acme.orders.adapter.scheduling.loop.PeriodicLoop;
import com.acme.orders.application.deadline.RemindOfDeadlines;
import io.micrometer.core.instrument.Counter;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import org.jmolecules.architecture.hexagonal.PrimaryAdapter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends the reminders that are due, on its own thread: batch after batch while they come full, then a pause. Each
 * round first checks that the reminder index still holds its data, and rebuilds it from the database at once when
 * Redis lost it, so a flush costs the reminders a round, not a sweep interval.
 *
 * <p>Not while the deadline index is being rebuilt, though: both rebuilds write every unpaid order to the same
 * single-threaded Redis, and run together they made the deadline index's rebuild after a loss twice as long (the flush
 * benchmark, docs/timeouts.md). Timeouts come first; a reminder, sent minutes before a deadline, can wait the seconds.
 */
@PrimaryAdapter
public final class ReminderWorker extends LoopLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ReminderWorker.class);

    private final PeriodicLoop loop;
    private volatile boolean rebuildInFull = true;
    private final BooleanSupplier deadlinesRebuilding;

    /**
     * @param deadlinesRebuilding whether the deadline index is being rebuilt (at start-up, or after a loss); the
     *                            reminder index waits for it before rebuilding itself
     */
    public ReminderWorker(
            RemindOfDeadlines reminders,
            int batchSize,
            Duration pollInterval,
            BooleanSupplier deadlinesRebuilding,
            Counter sent) {
        this.deadlinesRebuilding = deadlinesRebuilding;
        this.loop = new PeriodicLoop("payment-reminders", pollInterval, () -> {
            rebuildIfNeeded(reminders);
            RemindOfDeadlines.Batch batch;
            do {
                batch = reminders.remindNextBatch();
                sent.increment(batch.reminded());
            } while (batch.full(batchSize) && !stopRequested());
        });
    }

    private boolean stopRequested() {
        return loop.stopRequested();
    }

    private void rebuildIfNeeded(RemindOfDeadlines reminders) {
        try {
            // The deadline index is asked only when this one needs a rebuild: a round costs one check while all is
            // well.
            if (!(rebuildInFull || reminders.isLost()) || deadlinesRebuilding.getAsBoolean()) {
                return;
            }
            long tracked = reminders.rebuild();
            rebuildInFull = false;
            if (tracked > 0) {
                log.info("Reminder index rebuilt from the database: {} reminders tracked", tracked);
            }
        } catch (RuntimeException e) {
            rebuildInFull = true;
            log.warn("Reminder index could not be checked or rebuilt; reminding from what it holds: {}", e.toString());
        }
    }

    @Override
    protected PeriodicLoop loop() {
        return loop;
    }
}
