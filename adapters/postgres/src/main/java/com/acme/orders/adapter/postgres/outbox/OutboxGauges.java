package com.acme.orders.adapter.postgres.outbox;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Duration;
import java.time.Instant;

/**
 * What an operator watches on the outbox: how many events wait, how old the oldest is (the real publication delay
 * when Kafka or the relay is down), and how many are parked. All three come from one measure of the outbox, which
 * {@link PostgresOutboxBacklog} reuses for a second, so a scrape of many gauges costs one round trip.
 */
public class OutboxGauges implements MeterBinder {

    private final PostgresOutboxBacklog outbox;

    public OutboxGauges(PostgresOutboxBacklog outbox) {
        this.outbox = outbox;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("orders.outbox.backlog", outbox, it -> it.measure().waiting())
                .description("Events in the outbox waiting to be published (parked ones excluded)")
                .register(registry);
        Gauge.builder("orders.outbox.parked.rows", outbox, it -> it.measure().parked())
                .description("Events parked after too many failed sends, waiting for an operator")
                .register(registry);
        Gauge.builder("orders.outbox.oldest.age", this, OutboxGauges::oldestAgeSeconds)
                .description("Age of the oldest event waiting to be published")
                .baseUnit("seconds")
                .register(registry);
    }

    private double oldestAgeSeconds() {
        return outbox.measure()
                .oldestWaiting()
                .map(it -> Duration.between(it, Instant.now()).toMillis() / 1000.0)
                .orElse(0.0);
    }
}
