package com.acme.orders.bootstrap;

import com.acme.orders.application.RelayOutbox;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The outbox relay ({@code orders.outbox.relay.*}).
 *
 * @param enabled      every instance runs a relay; only one at a time works the outbox (an advisory lock), the
 *                     others stand by, so turning it off is for tests and for instances that must not publish
 * @param batchSize    events per round: one transaction and one wait for Kafka's acknowledgements
 * @param maxAttempts  failed sends after which an event is parked (10 covers minutes of backoff, not an outage: an
 *                     outage counts no attempts)
 * @param pollInterval the fallback when no commit signal arrives (events committed by another instance)
 * @param firstRetry   the first backoff after a failure, doubled up to {@code maxRetry}
 */
@ConfigurationProperties("orders.outbox.relay")
public record OutboxRelayProperties(@DefaultValue("true") boolean enabled,
                                    @DefaultValue("500") int batchSize,
                                    @DefaultValue("10") int maxAttempts,
                                    @DefaultValue("500ms") Duration pollInterval,
                                    @DefaultValue("200ms") Duration firstRetry,
                                    @DefaultValue("30s") Duration maxRetry) {

    RelayOutbox.Settings toSettings() {
        return new RelayOutbox.Settings(batchSize, maxAttempts, pollInterval, firstRetry, maxRetry);
    }
}
