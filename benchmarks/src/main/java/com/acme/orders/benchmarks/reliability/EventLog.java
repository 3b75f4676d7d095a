package com.acme.orders.benchmarks.reliability;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.jspecify.annotations.Nullable;

/**
 * Every event on the topic from its first offset, as a downstream consumer reads them ({@code read_committed}, no
 * group), with its CloudEvents id and type and where it was found. Read in the background for the whole run and
 * then to the end of every partition, so that what the invariants see is all there is.
 */
final class EventLog implements AutoCloseable {

    /**
     * @param arrivedAtMillis this machine's clock when the consumer got it
     */
    record Event(
            @Nullable String ceId,
            @Nullable String type,
            @Nullable UUID order,
            int partition,
            long offset,
            long arrivedAtMillis) {}

    private final KafkaConsumer<String, String> consumer;
    private final List<TopicPartition> partitions;
    private final List<Event> events = new ArrayList<>();
    private final Thread reader;
    private volatile boolean running = true;
    private volatile boolean drained;

    EventLog(String bootstrapServers, String topic) {
        consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrapServers,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG,
                StringDeserializer.class.getName(),
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG,
                StringDeserializer.class.getName(),
                ConsumerConfig.ISOLATION_LEVEL_CONFIG,
                "read_committed",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                "false",
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                "earliest"));
        partitions = consumer.partitionsFor(topic, Duration.ofSeconds(60)).stream()
                .map(it -> new TopicPartition(topic, it.partition()))
                .toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        reader = Thread.ofPlatform().name("event-log").daemon().start(this::read);
    }

    private void read() {
        while (running) {
            try {
                var records = consumer.poll(Duration.ofMillis(100));
                long now = System.currentTimeMillis();
                synchronized (events) {
                    for (var record : records) {
                        var id = record.headers().lastHeader("ce_id");
                        var type = record.headers().lastHeader("ce_type");
                        events.add(new Event(
                                id == null ? null : new String(id.value(), StandardCharsets.UTF_8),
                                type == null ? null : new String(type.value(), StandardCharsets.UTF_8),
                                record.key() == null ? null : UUID.fromString(record.key()),
                                record.partition(),
                                record.offset(),
                                now));
                    }
                }
                if (records.isEmpty()) {
                    var ends = consumer.endOffsets(partitions, Duration.ofSeconds(10));
                    drained = partitions.stream().allMatch(it -> consumer.position(it) >= ends.getOrDefault(it, 0L));
                } else {
                    drained = false;
                }
            } catch (RuntimeException brokerAway) {
                // a broker killed under us: the consumer finds the new leaders on its next poll
                drained = false;
            }
        }
    }

    /** Whether the last poll found nothing and every partition was read to its end. */
    boolean drained() {
        return drained;
    }

    List<Event> events() {
        synchronized (events) {
            return List.copyOf(events);
        }
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        reader.join(15_000);
        consumer.close(Duration.ofSeconds(5));
    }
}
