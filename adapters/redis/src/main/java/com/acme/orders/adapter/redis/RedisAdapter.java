package com.acme.orders.adapter.redis;

import com.acme.orders.adapter.redis.deadline.DeadlineIndexProperties;
import com.acme.orders.adapter.redis.deadline.RedisDeadlineIndex;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.connection.RedisConnectionFactory;

/**
 * Everything this adapter contributes, on Spring Boot's auto-configured Redis connection (standalone or cluster, from
 * {@code spring.data.redis.*}): the complete list; nothing of the adapter is found by classpath scanning.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DeadlineIndexProperties.class)
public class RedisAdapter {

    @Bean
    RedisDeadlineIndex redisDeadlineIndex(
            RedisConnectionFactory redis, DeadlineIndexProperties properties, MeterRegistry meters) {
        return new RedisDeadlineIndex(redis, properties.shards(), meters);
    }

    /** Asks Redis on every scrape: one ZCARD per shard, cheap next to a scrape interval. */
    @Bean
    MeterBinder deadlineIndexSize(RedisDeadlineIndex index) {
        return meters -> Gauge.builder("orders.deadline_index.size", index, RedisDeadlineIndex::size)
                .description("Orders in the deadline index, claimed ones included")
                .register(meters);
    }
}
