package com.acme.orders.adapter.scheduling.outbox;

import com.acme.orders.application.outbox.RelayOutbox;
import org.jmolecules.architecture.hexagonal.PrimaryAdapter;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Runs the relay on its own thread for as long as the service runs. It starts after the web server and the data
 * source (late phase) and stops before them, so a round in progress ends with its transaction rather than with a
 * closed pool; a round cut short anyway rolls back and its events are sent again.
 */
@PrimaryAdapter
public final class OutboxRelayWorker implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelayWorker.class);

    private final RelayOutbox relay;
    private volatile boolean running;
    private @Nullable Thread thread;

    public OutboxRelayWorker(RelayOutbox relay) {
        this.relay = relay;
    }

    @Override
    public synchronized void start() {
        running = true;
        thread = Thread.ofPlatform().name("outbox-relay").daemon().start(() -> {
            try {
                relay.relayWhileRunning(() -> running);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            log.info("Outbox relay stopped");
        });
    }

    @Override
    public synchronized void stop() {
        running = false;
        Thread relayThread = thread;
        if (relayThread == null) {
            return;
        }
        relayThread.interrupt();
        try {
            relayThread.join(30_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 1024;
    }
}
