package com.acme.orders.adapter.redis;

import com.acme.orders.adapter.redis.deadline.DeadlineIndexProperties;
import com.acme.orders.adapter.redis.deadline.RedisDeadlineIndex;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.data.redis.connection.RedisConnectionFactory;

/**
 * Everything this adapter contributes, on Spring Boot's auto-configured Redis connection (standalone or cluster, from
 * {@code spring.data.redis.*}): the complete list; nothing of the adapter is found by classpath scanning.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DeadlineIndexProperties.class)
public class RedisAdapter {

    /** The name of the reminder index's bean, to ask for it beside the deadline index. */
    public static final String REMINDERS = "reminderIndex";

    /** The deadline index, which every use case of deadlines gets unless it asks for the reminders by name. */
    @Bean
    @Primary
    RedisDeadlineIndex redisDeadlineIndex(
            RedisConnectionFactory redis, DeadlineIndexProperties properties, MeterRegistry meters) {
        return new RedisDeadlineIndex(redis, properties.shards(), meters);
    }

    /** The same machinery under its own keys: unpaid orders by the time their customer is reminded of the deadline. */
    @Bean(REMINDERS)
    RedisDeadlineIndex redisReminderIndex(
            RedisConnectionFactory redis, DeadlineIndexProperties properties, MeterRegistry meters) {
        return new RedisDeadlineIndex(redis, RedisDeadlineIndex.REMINDERS_KEY_PREFIX, properties.shards(), meters);
    }

    /** Asks Redis on every scrape: one ZCARD per shard, cheap next to a scrape interval. */
    @Bean
    MeterBinder deadlineIndexSize(RedisDeadlineIndex index, @Qualifier(REMINDERS) RedisDeadlineIndex reminders) {
        return meters -> {
            Gauge.builder("orders.deadline_index.size", index, RedisDeadlineIndex::size)
                    .description("Orders in the deadline index, claimed ones included")
                    .register(meters);
            Gauge.builder("orders.reminder_index.size", reminders, RedisDeadlineIndex::size)
                    .description("Orders in the reminder index, claimed ones included")
                    .register(meters);
        };
    }
}
