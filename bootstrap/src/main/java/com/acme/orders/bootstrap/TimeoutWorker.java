package com.acme.orders.bootstrap;

import com.acme.orders.application.ExpireDueOrders;
import java.time.Duration;
import org.springframework.context.SmartLifecycle;

/**
 * Polls the deadline index and cancels what is due: batch after batch while batches come back full (a backlog drains
 * at full speed), then a jittered pause. Every instance runs one; the claim makes them share the work safely.
 * Stops before the database pool closes (SmartLifecycle stops before beans are destroyed), after its current batch.
 */
final class TimeoutWorker implements SmartLifecycle {

    private final PeriodicLoop loop;

    TimeoutWorker(ExpireDueOrders expireDueOrders, TimeoutMetrics metrics, Duration pollInterval) {
        this.loop = new PeriodicLoop("timeout-worker", pollInterval, () -> drain(expireDueOrders, metrics));
    }

    private void drain(ExpireDueOrders expireDueOrders, TimeoutMetrics metrics) {
        ExpireDueOrders.Batch batch;
        do {
            batch = expireDueOrders.expireNextBatch();
            metrics.record(batch);
        } while (batch.full() && !loop.stopRequested());
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
