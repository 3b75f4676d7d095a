package com.acme.orders.bootstrap;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

/** Reads the whole topic from the beginning, as a consumer that just joined would, until it sees what it waits for. */
final class TopicReader {

    private TopicReader() {}

    /** A record as a consumer gets it: key, JSON data and the CloudEvents headers. */
    record Received(String key, String value, Map<String, String> headers, int partition, long offset) {

        String eventId() {
            return headers.get("ce_id");
        }

        String type() {
            return headers.get("ce_type");
        }
    }

    static List<Received> readUntil(Predicate<List<Received>> enough, Duration atMost) {
        var props = Map.<String, Object>of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                TestKafka.bootstrapServers(),
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG,
                StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG,
                StringDeserializer.class,
                // Only what the producer's transaction-less, idempotent writes made visible; no group, no commits.
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                false);
        var received = new ArrayList<Received>();
        try (var consumer = new KafkaConsumer<String, String>(props)) {
            var partitions = consumer.partitionsFor(TestKafka.TOPIC, Duration.ofSeconds(30)).stream()
                    .map(it -> new TopicPartition(it.topic(), it.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            long deadline = System.nanoTime() + atMost.toNanos();
            while (!enough.test(received) && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    received.add(new Received(
                            record.key(), record.value(), headers(record), record.partition(), record.offset()));
                }
            }
        }
        return received;
    }

    private static Map<String, String> headers(ConsumerRecord<String, String> record) {
        var headers = new java.util.HashMap<String, String>();
        record.headers().forEach(it -> headers.put(it.key(), new String(it.value(), StandardCharsets.UTF_8)));
        return headers;
    }
}
