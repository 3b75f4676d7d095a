package com.acme.orders.application.deadline;

import com.acme.orders.application.deadline.port.DeadlineForecast;
import com.acme.orders.application.deadline.port.DeadlineIndex;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.jmolecules.architecture.hexagonal.PrimaryPort;

/**
 * An operator looks at what the timeout worker has ahead of it: the unpaid orders falling due in the next hour,
 * minute by minute, those already overdue, and the state of the deadline index the worker polls. The counts come from
 * the database, the truth; the index is only a hint (ADR 0001), so it is shown beside them, not instead of them.
 */
@PrimaryPort
public class InspectDeadlines {

    public static final Duration SLOT = Duration.ofMinutes(1);
    public static final int SLOTS = 60;

    private final DeadlineForecast forecast;
    private final DeadlineIndex index;
    private final Clock clock;

    public InspectDeadlines(DeadlineForecast forecast, DeadlineIndex index, Clock clock) {
        this.forecast = forecast;
        this.index = index;
        this.clock = clock;
    }

    public record Report(Instant asOf, DeadlineForecast.Forecast forecast, IndexState index) {}

    /**
     * @param tracked   orders in the index, claimed ones included; empty when the index cannot be read
     * @param rebuiltAt when the index last held every unpaid order of the database; empty when it lost that state
     *                  (a flush, a restart without data) and the next sweep or start-up will rebuild it
     * @param problem   why the index could not be read
     */
    public record IndexState(Optional<Long> tracked, Optional<Instant> rebuiltAt, Optional<String> problem) {}

    public Report inspect() {
        Instant now = clock.instant();
        return new Report(now, forecast.forecast(now, SLOT, SLOTS), indexState());
    }

    /** The index is a hint that may be down: its state is reported, never thrown, as the service survives it. */
    private IndexState indexState() {
        try {
            return new IndexState(Optional.of(index.size()), index.rebuiltAt(), Optional.empty());
        } catch (RuntimeException unreachable) {
            return new IndexState(Optional.empty(), Optional.empty(), Optional.of(String.valueOf(unreachable)));
        }
    }
}
