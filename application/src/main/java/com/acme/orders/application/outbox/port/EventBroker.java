package com.acme.orders.application.outbox.port;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jmolecules.architecture.hexagonal.SecondaryPort;

/** Where the rest of the company reads the order events. */
@SecondaryPort
public interface EventBroker {

    /**
     * Sends the events, each under its key, and waits until the broker has acknowledged or refused every one of them
     * (never longer than the implementation's own timeout). Never throws for a refused event: it reports it.
     */
    Delivery send(List<PendingEvent> events);

    /** What became of each event of one {@link #send}. */
    record Delivery(Set<UUID> sent, Map<UUID, Failure> failed) {

        public Delivery {
            sent = Set.copyOf(sent);
            failed = Map.copyOf(failed);
        }

        /** Nothing went through and every failure is of the kind that passes (broker down, timeout): an outage. */
        public boolean brokerUnavailable() {
            return sent.isEmpty()
                    && !failed.isEmpty()
                    && failed.values().stream().allMatch(Failure::retriable);
        }
    }

    /** @param retriable true when the same send may well succeed later (the broker is unreachable or slow) */
    record Failure(String reason, boolean retriable) {}
}
