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
 * @param batchSize    events per round: one transaction and one wait for Kafka's acknowledgements. 2,000: the
 *                     rounds follow one another, each paying a commit and a Kafka round trip whatever its size; at
 *                     500 the relay fell behind a 5,000/s wave of cancellations on the 2-core benchmark (p99 to Kafka
 *                     4.7 s), at 2,000 it kept up (0.46 s). A round holds at most that many events in memory, a few MB
 * @param maxAttempts  failed sends after which an event is parked (10 covers minutes of backoff, not an outage: an
 *                     outage counts no attempts)
 * @param pollInterval the fallback when no commit signal arrives (events committed by another instance)
 * @param firstRetry   the first backoff after a failure, doubled up to {@code maxRetry}
 */
@ConfigurationProperties("orders.outbox.relay")
public record OutboxRelayProperties(@DefaultValue("true") boolean enabled,
                                    @DefaultValue("2000") int batchSize,
                                    @DefaultValue("10") int maxAttempts,
                                    @DefaultValue("500ms") Duration pollInterval,
                                    @DefaultValue("200ms") Duration firstRetry,
                                    @DefaultValue("30s") Duration maxRetry) {

    RelayOutbox.Settings toSettings() {
        return new RelayOutbox.Settings(batchSize, maxAttempts, pollInterval, firstRetry, maxRetry);
    }
}
