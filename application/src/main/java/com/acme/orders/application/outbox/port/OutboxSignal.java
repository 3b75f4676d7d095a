package com.acme.orders.application.outbox.port;

import java.time.Duration;
import org.jmolecules.architecture.hexagonal.SecondaryPort;

/** Wakes the relay as soon as new events are committed, so they need not wait for the next poll. */
@SecondaryPort
public interface OutboxSignal {

    /** Returns when events were committed since the previous call, or after {@code atMost}, whichever comes first. */
    void awaitNewEvents(Duration atMost) throws InterruptedException;
}
