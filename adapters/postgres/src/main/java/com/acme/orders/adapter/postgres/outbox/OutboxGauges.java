package com.acme.orders.adapter.postgres.outbox;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * What an operator watches on the outbox: how many events wait, how old the oldest is (the real publication delay
 * when Kafka or the relay is down), and how many are parked. One query serves all three and is reused for a second,
 * so a scrape of many gauges costs one round trip.
 */
public class OutboxGauges implements MeterBinder {

    private static final Duration FRESH = Duration.ofSeconds(1);

    private final PostgresOutboxBacklog outbox;
    private volatile Snapshot last = new Snapshot(Instant.EPOCH, 0, 0, null);

    public OutboxGauges(PostgresOutboxBacklog outbox) {
        this.outbox = outbox;
    }

    private record Snapshot(
            Instant takenAt,
            long waiting,
            long parked,
            @Nullable Instant oldestWaiting) {}

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("orders.outbox.backlog", this, it -> it.snapshot().waiting())
                .description("Events in the outbox waiting to be published (parked ones excluded)")
                .register(registry);
        Gauge.builder("orders.outbox.parked.rows", this, it -> it.snapshot().parked())
                .description("Events parked after too many failed sends, waiting for an operator")
                .register(registry);
        Gauge.builder("orders.outbox.oldest.age", this, OutboxGauges::oldestAgeSeconds)
                .description("Age of the oldest event waiting to be published")
                .baseUnit("seconds")
                .register(registry);
    }

    private double oldestAgeSeconds() {
        Instant oldest = snapshot().oldestWaiting();
        return oldest == null ? 0 : Duration.between(oldest, Instant.now()).toMillis() / 1000.0;
    }

    private Snapshot snapshot() {
        Snapshot snapshot = last;
        if (snapshot.takenAt().plus(FRESH).isBefore(Instant.now())) {
            var backlog = outbox.measure();
            snapshot = new Snapshot(
                    Instant.now(),
                    backlog.waiting(),
                    backlog.parked(),
                    backlog.oldestWaiting().orElse(null));
            last = snapshot;
        }
        return snapshot;
    }
}
