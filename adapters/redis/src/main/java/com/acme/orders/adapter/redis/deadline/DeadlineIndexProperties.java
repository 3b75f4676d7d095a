package com.acme.orders.adapter.redis.deadline;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The shape of the deadline index in Redis ({@code orders.timeouts.shards}; the other {@code orders.timeouts.*}
 * settings belong to the loops that use the index).
 *
 * @param shards 16: shards of the index, 2,048 small sorted sets each. Keep it fixed for a running system: a changed
 *               count sends orders to other keys, and only a rebuild puts them back
 */
@ConfigurationProperties("orders.timeouts")
public record DeadlineIndexProperties(@DefaultValue("16") int shards) {

    public DeadlineIndexProperties {
        if (shards < 1) {
            throw new IllegalArgumentException("orders.timeouts.shards is at least 1, got " + shards);
        }
    }
}
