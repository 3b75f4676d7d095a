package com.acme.orders.adapter.scheduling.deadline;

import com.acme.orders.adapter.scheduling.loop.PeriodicLoop;
import com.acme.orders.application.deadline.ExpireDueOrders;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.stream.IntStream;
import org.jmolecules.architecture.hexagonal.PrimaryAdapter;
import org.springframework.context.SmartLifecycle;

/**
 * Polls the deadline index and cancels what is due: batch after batch while batches come back full (a backlog drains
 * at full speed), then a jittered pause. Every instance runs one; the claim makes them share the work safely.
 * Stops before the database pool closes (SmartLifecycle stops before beans are destroyed), after its current batch.
 *
 * <p>{@code concurrency} loops share the work within the instance, exactly as the loops of several instances do: each
 * claim is its own, and batches lock their orders in id order, so two batches never deadlock. A batch spends most
 * of its time waiting for PostgreSQL (lock, update, outbox insert, commit) and Redis; a second loop claims and
 * prepares the next batch meanwhile instead of leaving the database idle between batches.
 */
@PrimaryAdapter
public final class ExpiryWorker implements SmartLifecycle {

    /**
     * How often the worker asks whether the index lost its data: a quarter of a second of lag at most after a loss, for
     * two cheap Redis calls four times a second per instance (the flush benchmark's lag after a loss counts it).
     */
    static final Duration LOSS_CHECK_INTERVAL = Duration.ofMillis(250);

    private final List<PeriodicLoop> loops;
    private final IndexLossWatch lossWatch;
    private volatile boolean stopping;

    /**
     * @param indexLost   whether the deadline index lost its data (Redis flushed or restarted empty)
     * @param repairIndex starts the repair elsewhere (the sweeper rebuilds it), so that the worker never waits for it
     */
    public ExpiryWorker(
            ExpireDueOrders expireDueOrders,
            DeadlineMetrics metrics,
            Duration pollInterval,
            int concurrency,
            BooleanSupplier indexLost,
            Runnable repairIndex) {
        this.lossWatch = new IndexLossWatch(indexLost, repairIndex);
        this.loops = IntStream.rangeClosed(1, concurrency)
                .mapToObj(n ->
                        new PeriodicLoop("timeout-worker-" + n, pollInterval, () -> drain(expireDueOrders, metrics)))
                .toList();
    }

    /**
     * Notices a lost index at the worker's own pace rather than at the sweeper's: entries written since the loss are
     * all the worker sees, so orders due meanwhile wait for the rebuild, and the sleeping sweeper is woken for it.
     */
    private static final class IndexLossWatch {
        private final BooleanSupplier indexLost;
        private final Runnable repairIndex;
        private final AtomicLong nextCheck = new AtomicLong();

        IndexLossWatch(BooleanSupplier indexLost, Runnable repairIndex) {
            this.indexLost = indexLost;
            this.repairIndex = repairIndex;
        }

        void check() {
            long now = System.nanoTime();
            long due = nextCheck.get();
            if (now - due < 0 || !nextCheck.compareAndSet(due, now + LOSS_CHECK_INTERVAL.toNanos())) {
                return;
            }
            try {
                if (indexLost.getAsBoolean()) {
                    repairIndex.run();
                }
            } catch (RuntimeException redisAway) {
                // Redis unreachable: the claims fail too, and the sweeper covers for both.
            }
        }
    }

    private void drain(ExpireDueOrders expireDueOrders, DeadlineMetrics metrics) {
        lossWatch.check();
        ExpireDueOrders.Batch batch;
        do {
            batch = expireDueOrders.expireNextBatch();
            metrics.record(batch);
        } while (batch.full() && !stopping);
    }

    @Override
    public void start() {
        loops.forEach(PeriodicLoop::start);
    }

    @Override
    public void stop() {
        // All asked at once, so the instance waits for the slowest batch in flight, not for the sum of them.
        stopping = true;
        loops.forEach(PeriodicLoop::requestStop);
        loops.forEach(it -> it.stop(Duration.ofSeconds(30)));
    }

    @Override
    public boolean isRunning() {
        return loops.stream().anyMatch(PeriodicLoop::isRunning);
    }
}
