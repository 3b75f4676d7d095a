package com.acme.orders.benchmarks.approaches;

import static org.assertj.core.api.Assertions.assertThat;

import com.acme.orders.application.deadline.port.PendingDeadline;
import com.acme.orders.benchmarks.Approach;
import com.acme.orders.bootstrap.OrderServiceApplication;
import com.acme.orders.domain.OrderId;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Each approach, in the service exactly as {@code BenchmarkedService} starts it, on real PostgreSQL, Redis and Kafka:
 * orders seeded as the driver seeds them, with that approach's {@link DeadlineTracking}, are cancelled once each
 * when due, with one event on the topic, and orders paid in time stay paid even when their timer still fires.
 */
class CompetingApproachesTest {

    private static final String TOPIC = "orders.events";
    private static final String CANCELLED = "com.acme.orders.order.cancelled.v1";
    private static final int DUE = 50;
    private static final int PAID = 5;
    /** Covers the slowest trigger's detection (a 1 s scan, Redis's expiry cycle) many times over. */
    private static final Duration AT_MOST = Duration.ofSeconds(15);

    @ParameterizedTest(
            name = "{0}: every order due within two seconds is cancelled once, one event each, "
                    + "and an order paid in time stays paid")
    @EnumSource(Approach.class)
    void cancelsEveryDueOrderOnceAndLeavesPaidOrdersAlone(Approach approach) throws Exception {
        try (var service = start(approach)) {
            var data = new SeededOrders(service.getBean(DataSource.class));
            data.reset();
            var first = Instant.now().plusMillis(300);
            List<PendingDeadline> due = data.unpaid(DUE, i -> first.plusMillis(i * 20L));
            List<PendingDeadline> paid = data.paid(PAID, i -> first.plusMillis(i * 200L));
            try (var tracking = DeadlineTrackings.of(approach, SmokeTestServers.servers())) {
                tracking.track(Stream.concat(due.stream(), paid.stream()).toList());
            }

            Map<OrderId, String> statuses =
                    awaitCancelled(data, due, due.getLast().deadline().plus(AT_MOST));
            System.out.println("SMOKE " + approach.id() + ": " + data.lag());
            due.forEach(it -> assertThat(statuses.get(it.order()))
                    .as("due order %s", it.order())
                    .isEqualTo("CANCELLED/1"));
            paid.forEach(it -> assertThat(statuses.get(it.order()))
                    .as("paid order %s", it.order())
                    .isEqualTo("PAID/1"));

            Map<String, Long> events = cancelledEventsByOrder(due, Duration.ofSeconds(10));
            due.forEach(it -> assertThat(events.get(it.order().toString()))
                    .as("events of %s", it.order())
                    .isEqualTo(1L));
            paid.forEach(it -> assertThat(events).doesNotContainKey(it.order().toString()));
        }
    }

    /** The service as the driver starts it: {@code BenchmarkedService}'s sources, the approach, no web server. */
    private static ConfigurableApplicationContext start(Approach approach) {
        var servers = SmokeTestServers.servers();
        var arguments = new ArrayList<>(servers.springArguments());
        arguments.addAll(CompetingApproaches.arguments(approach));
        arguments.addAll(List.of(
                "--spring.main.web-application-type=none",
                "--spring.main.banner-mode=off",
                "--orders.events.partitions=1",
                "--orders.security.jwt.secret=smoke-test-customer-token-secret-0123456789",
                "--orders.payments.signing-secrets=smoke-test-payment-signing-secret-0123456789"));
        return new SpringApplication(OrderServiceApplication.class, CompetingApproaches.class)
                .run(arguments.toArray(String[]::new));
    }

    private static Map<OrderId, String> awaitCancelled(SeededOrders data, List<PendingDeadline> due, Instant giveUp)
            throws InterruptedException {
        while (true) {
            Map<OrderId, String> statuses = data.statuses();
            boolean allSettled =
                    due.stream().allMatch(it -> statuses.get(it.order()).startsWith("CANCELLED"));
            if (allSettled || Instant.now().isAfter(giveUp)) {
                return statuses;
            }
            Thread.sleep(100);
        }
    }

    /**
     * Cancelled events per order key, read from the beginning of the topic until every one of {@code due} has one
     * (earlier tests' orders are on the topic too), and half a second more, so that a late duplicate shows.
     */
    private static Map<String, Long> cancelledEventsByOrder(List<PendingDeadline> due, Duration atMost) {
        var props = Map.<String, Object>of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                SmokeTestServers.servers().kafkaBootstrapServers(),
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG,
                StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG,
                StringDeserializer.class,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                false);
        var counts = new HashMap<String, Long>();
        try (var consumer = new KafkaConsumer<String, String>(props)) {
            var partitions = consumer.partitionsFor(TOPIC, Duration.ofSeconds(30)).stream()
                    .map(it -> new TopicPartition(it.topic(), it.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            long deadline = System.nanoTime() + atMost.toNanos();
            while (!due.stream().allMatch(it -> counts.containsKey(it.order().toString()))
                    && System.nanoTime() < deadline) {
                count(consumer.poll(Duration.ofMillis(200)), counts);
            }
            count(consumer.poll(Duration.ofMillis(500)), counts);
        }
        return counts;
    }

    private static void count(ConsumerRecords<String, String> records, Map<String, Long> counts) {
        for (var record : records) {
            var type = record.headers().lastHeader("ce_type");
            if (type != null && CANCELLED.equals(new String(type.value(), StandardCharsets.UTF_8))) {
                counts.merge(record.key(), 1L, Long::sum);
            }
        }
    }
}
