package com.acme.orders.application.outbox;

import com.acme.orders.application.outbox.port.OutboxBacklog;
import org.jmolecules.architecture.hexagonal.PrimaryPort;

/**
 * An operator who fixed why an event was parked puts it back in line; the relay publishes it at its next round, then
 * the later events of its order that it held back. Requeueing an event twice, or one that was in fact delivered, is
 * harmless: consumers deduplicate by the event's id, which a requeue keeps.
 */
@PrimaryPort
public class RequeueParkedEvent {

    private static final System.Logger log = System.getLogger(RequeueParkedEvent.class.getName());

    private final OutboxBacklog outbox;

    public RequeueParkedEvent(OutboxBacklog outbox) {
        this.outbox = outbox;
    }

    /**
     * @param reason the operator's words, logged with the event so that the log says who did what and why
     * @return false when no event at {@code position} is parked
     */
    public boolean requeue(long position, String reason) {
        boolean requeued = outbox.requeue(position);
        if (requeued) {
            log.log(
                    System.Logger.Level.INFO,
                    "Parked outbox event {0} requeued by an operator: {1}",
                    Long.toString(position),
                    reason);
        }
        return requeued;
    }
}
