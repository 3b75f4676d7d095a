package com.acme.orders.application.outbox;

import com.acme.orders.application.outbox.port.OutboxBacklog;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.jmolecules.architecture.hexagonal.PrimaryPort;

/**
 * An operator looks at the outbox: how much waits, how long the oldest has waited (the real delay of publication
 * while Kafka or the relay is down), and which events are parked, with the error that parked them.
 */
@PrimaryPort
public class InspectOutbox {

    /** Parked events shown at once; more than this is an incident to solve with SQL, not with buttons. */
    public static final int PARKED_SHOWN = 100;

    private final OutboxBacklog outbox;
    private final Clock clock;

    public InspectOutbox(OutboxBacklog outbox, Clock clock) {
        this.outbox = outbox;
        this.clock = clock;
    }

    /**
     * @param oldestWaitingAge zero when nothing waits
     * @param parked           the oldest {@link #PARKED_SHOWN} parked events; {@code backlog.parked()} counts them all
     */
    public record Report(
            OutboxBacklog.Backlog backlog, Duration oldestWaitingAge, List<OutboxBacklog.ParkedEvent> parked) {}

    public Report inspect() {
        var backlog = outbox.measure();
        var age = backlog.oldestWaiting()
                .map(it -> Duration.between(it, clock.instant()))
                .filter(it -> !it.isNegative())
                .orElse(Duration.ZERO);
        return new Report(backlog, age, outbox.parked(PARKED_SHOWN));
    }
}
