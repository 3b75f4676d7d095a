package com.acme.orders.bootstrap;

import com.acme.orders.adapter.kafka.KafkaAdapter;
import com.acme.orders.adapter.postgres.PostgresAdapter;
import com.acme.orders.adapter.redis.RedisAdapter;
import com.acme.orders.adapter.rest.RestAdapter;
import com.acme.orders.adapter.scheduling.SchedulingAdapter;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Import;

/**
 * The order service: the use cases of {@code application}, driven by the REST and scheduling adapters and served by
 * the PostgreSQL, Redis and Kafka adapters. One wiring style: every bean is declared, none is scanned; each adapter
 * lists its beans in its {@code …Adapter} configuration and this module declares the use cases, so this list is
 * everything that runs.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@EnableConfigurationProperties(OrderServiceProperties.class)
@Import({
    UseCaseWiring.class,
    OutboxWiring.class,
    ReadyBanner.class,
    RestAdapter.class,
    SchedulingAdapter.class,
    PostgresAdapter.class,
    RedisAdapter.class,
    KafkaAdapter.class
})
public class OrderServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(OrderServiceApplication.class, args);
    }
}
