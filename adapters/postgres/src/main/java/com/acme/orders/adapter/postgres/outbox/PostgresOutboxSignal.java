package com.acme.orders.adapter.postgres.outbox;

import com.acme.orders.application.outbox.port.OutboxSignal;
import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.jmolecules.architecture.hexagonal.SecondaryAdapter;

/**
 * The in-process wake-up between {@link PostgresEventPublication} (after a commit) and the relay of this instance.
 * Commits on other instances are not seen here: their rows are found by the relay's poll, or by their own relay.
 * One pending signal is enough however many commits happened: the relay drains the whole outbox anyway.
 */
@SecondaryAdapter
public class PostgresOutboxSignal implements OutboxSignal {

    private final BlockingQueue<Boolean> pending = new ArrayBlockingQueue<>(1);

    void newEventsCommitted() {
        pending.offer(Boolean.TRUE);
    }

    @Override
    public void awaitNewEvents(Duration atMost) throws InterruptedException {
        pending.poll(atMost.toNanos(), TimeUnit.NANOSECONDS);
    }
}
