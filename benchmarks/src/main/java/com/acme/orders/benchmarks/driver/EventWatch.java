package com.acme.orders.benchmarks.driver;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * A consumer of the order events, as the notification service would be one: it reads every partition from the end
 * as it was when the watch started, and notes when each event type of each order first reached it. The time is this
 * JVM's wall clock on the same machine as the database, so it compares directly with the deadlines.
 */
final class EventWatch implements AutoCloseable {

    static final String CANCELLED = "com.acme.orders.order.cancelled.v1";
    static final String PAID = "com.acme.orders.order.paid.v1";

    private final KafkaConsumer<String, byte[]> consumer;
    private final Thread reader;
    private final Map<UUID, Long> cancelledAtMicros = new ConcurrentHashMap<>();
    private final Map<UUID, Integer> terminalEvents = new ConcurrentHashMap<>();
    private final AtomicLong received = new AtomicLong();
    private volatile boolean running = true;

    EventWatch(String bootstrapServers, String topic) {
        var properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        properties.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        properties.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        // Deliver as soon as anything is there: the latency of this consumer is part of what is measured.
        properties.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, "10");
        properties.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "5000");
        consumer = new KafkaConsumer<>(properties);
        List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                .map(it -> new TopicPartition(topic, it.partition()))
                .toList();
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position); // resolve the end offsets now, before anything is published
        reader = Thread.ofPlatform().name("event-watch").start(this::read);
    }

    private void read() {
        while (running) {
            var records = consumer.poll(Duration.ofMillis(20));
            long now = Clocks.nowMicros();
            for (var record : records) {
                received.incrementAndGet();
                var type = record.headers().lastHeader("ce_type");
                if (type == null || record.key() == null) {
                    continue;
                }
                String typeName = new String(type.value(), StandardCharsets.UTF_8);
                UUID order = UUID.fromString(record.key());
                if (CANCELLED.equals(typeName)) {
                    cancelledAtMicros.putIfAbsent(order, now);
                }
                if (CANCELLED.equals(typeName) || PAID.equals(typeName)) {
                    terminalEvents.merge(order, 1, Integer::sum);
                }
            }
        }
    }

    long received() {
        return received.get();
    }

    int cancellations() {
        return cancelledAtMicros.size();
    }

    Map<UUID, Long> cancelledAtMicros() {
        return cancelledAtMicros;
    }

    /** Orders with more than one final event (paid and cancelled, or either twice). */
    long ordersWithSeveralTerminalEvents() {
        return terminalEvents.values().stream().filter(it -> it > 1).count();
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        reader.join(5_000);
        consumer.close(Duration.ofSeconds(5));
    }
}
