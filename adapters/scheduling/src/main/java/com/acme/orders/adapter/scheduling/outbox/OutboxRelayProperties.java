package com.acme.orders.adapter.scheduling.outbox;

import com.acme.orders.application.outbox.RelayOutbox;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The outbox relay ({@code orders.outbox.relay.*}).
 *
 * @param enabled      every instance runs a relay; only one at a time works the outbox (an advisory lock), the
 *                     others stand by, so turning it off is for tests and for instances that must not publish
 * @param batchSize    events per round: one transaction and one wait for Kafka's acknowledgements. 2,000: each
 *                     round pays a commit and a Kafka round trip whatever its size, so rounds must be large enough to
 *                     keep up with a wave of cancellations (measured in {@code docs/events/README.md}); a round holds
 *                     at most that many events in memory, a few MB
 * @param maxAttempts  failed sends after which an event is parked (10 covers minutes of backoff, not an outage: an
 *                     outage counts no attempts)
 * @param pollInterval the fallback when no commit signal arrives (events committed by another instance)
 * @param firstRetry   the first backoff after a failure, doubled up to {@code maxRetry}
 * @param maxRetry     the longest backoff, also while Kafka is unreachable: a broker that comes back is used again
 *                     within this time
 * @param gather       the pause after a round that was not full, so that the next one carries what committed
 *                     meanwhile: 10 ms adds at most that to an event's way to Kafka; without it the relay took a seventh
 *                     of the service's CPU samples under a steady stream of placements (docs/front-door.md)
 */
@ConfigurationProperties("orders.outbox.relay")
public record OutboxRelayProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("2000") int batchSize,
        @DefaultValue("10") int maxAttempts,
        @DefaultValue("500ms") Duration pollInterval,
        @DefaultValue("200ms") Duration firstRetry,
        @DefaultValue("30s") Duration maxRetry,
        @DefaultValue("10ms") Duration gather) {

    public RelayOutbox.Settings toSettings() {
        return new RelayOutbox.Settings(batchSize, maxAttempts, pollInterval, firstRetry, maxRetry, gather);
    }
}
