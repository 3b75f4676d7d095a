package com.acme.orders.adapter.scheduling.ordering;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How long idempotency keys are kept ({@code orders.idempotency.*}).
 *
 * @param retention     24h, as Stripe keeps its keys: a client retries within seconds or minutes, a day covers a
 *                      client that was down; a request repeated later than this is a new request
 * @param purgeInterval 10m: how often keys past their retention are forgotten; they live at most this much longer
 */
@ConfigurationProperties("orders.idempotency")
public record IdempotencyProperties(
        @DefaultValue("24h") Duration retention,
        @DefaultValue("10m") Duration purgeInterval) {

    public IdempotencyProperties {
        if (!retention.isPositive() || !purgeInterval.isPositive()) {
            throw new IllegalArgumentException(
                    "orders.idempotency.retention and purge-interval are positive durations");
        }
    }
}
