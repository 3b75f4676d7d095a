package com.acme.orders.adapter.kafka.outbox;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where and how the order events are published ({@code orders.events.*}).
 *
 * @param topic       one topic for all order events, so that one order's events share a partition and stay in order
 * @param partitions  the unit of consumer parallelism; changing it later moves keys to other partitions
 * @param replicas    3 in production (with min.insync.replicas 2, acks=all survives one broker); 1 on one broker
 * @param source      the CloudEvents source; with the id it is what a consumer deduplicates on
 * @param sendTimeout how long a batch waits for the broker's acknowledgements; longer than the producer's
 *                    delivery.timeout.ms, so the producer reports each record's fate before we give up on it
 */
@ConfigurationProperties("orders.events")
public record KafkaEventsProperties(
        @DefaultValue("orders.events") String topic,
        @DefaultValue("6") int partitions,
        @DefaultValue("1") short replicas,
        @DefaultValue("/order-service") String source,
        @DefaultValue("20s") Duration sendTimeout) {}
