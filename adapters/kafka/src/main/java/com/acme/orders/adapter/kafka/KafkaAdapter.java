package com.acme.orders.adapter.kafka;

import com.acme.orders.adapter.kafka.outbox.KafkaEventBroker;
import com.acme.orders.adapter.kafka.outbox.KafkaEventsProperties;
import com.acme.orders.adapter.kafka.outbox.KafkaReachability;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * Everything this adapter contributes, on Spring Boot's auto-configured Kafka producer: the complete list; nothing of
 * the adapter is found by classpath scanning.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(KafkaEventsProperties.class)
public class KafkaAdapter {

    /** Created at start-up by Spring Boot's KafkaAdmin when it does not exist yet; an existing topic is kept. */
    @Bean
    NewTopic orderEventsTopic(KafkaEventsProperties properties) {
        return TopicBuilder.name(properties.topic())
                .partitions(properties.partitions())
                .replicas(properties.replicas())
                .build();
    }

    /** The component {@code kafka} of {@code /actuator/health}: reported, never part of readiness. */
    @Bean
    KafkaReachability kafkaHealthIndicator(KafkaAdmin admin) {
        return new KafkaReachability(admin);
    }

    @Bean
    KafkaEventBroker kafkaEventBroker(
            KafkaTemplate<String, String> kafka,
            KafkaEventsProperties properties,
            ObjectProvider<MeterRegistry> meters) {
        return new KafkaEventBroker(kafka, properties, meters);
    }
}
