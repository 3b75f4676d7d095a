package com.acme.orders.adapter.scheduling.loop;

import java.time.Duration;
import org.springframework.context.SmartLifecycle;

/**
 * A worker of one {@link PeriodicLoop} as a Spring lifecycle: started with the application, stopped after its round
 * in progress and before the beans it uses are destroyed (SmartLifecycle stops first).
 */
public abstract class LoopLifecycle implements SmartLifecycle {

    /** How long stopping waits for the round in progress, a batch's transaction at most. */
    private static final Duration ROUND_END = Duration.ofSeconds(30);

    protected abstract PeriodicLoop loop();

    @Override
    public void start() {
        loop().start();
    }

    @Override
    public void stop() {
        loop().stop(ROUND_END);
    }

    @Override
    public boolean isRunning() {
        return loop().isRunning();
    }
}
