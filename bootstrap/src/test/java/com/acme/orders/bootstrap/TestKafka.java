package com.acme.orders.bootstrap;

import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * One real Kafka broker (KRaft, in this JVM) for the tests, reached through a {@link KafkaLink} that the tests can cut
 * to make Kafka unreachable for the service while it keeps working, and restore.
 */
final class TestKafka {

    static final String TOPIC = "orders.events";
    static final int PARTITIONS = 3;
    private static final Started STARTED = start();

    private record Started(EmbeddedKafkaKraftBroker broker, KafkaLink link) {}

    private TestKafka() {}

    static String bootstrapServers() {
        return "localhost:" + STARTED.link().port();
    }

    /** Kafka goes out of reach: open connections drop, new ones are refused. */
    static void becomeUnreachable() {
        STARTED.link().cut();
    }

    static void becomeReachable() {
        STARTED.link().restore();
    }

    static void addProperties(DynamicPropertyRegistry registry) {
        registry.add("spring.kafka.bootstrap-servers", TestKafka::bootstrapServers);
        registry.add("orders.events.topic", () -> TOPIC);
        registry.add("orders.events.partitions", () -> PARTITIONS);
    }

    private static Started start() {
        var link = new KafkaLink();
        var broker = new EmbeddedKafkaKraftBroker(1, PARTITIONS);
        // Clients learn the broker's address from its metadata: advertise the link, so that no client goes around it.
        broker.brokerProperty("advertised.listeners", "EXTERNAL://localhost:" + link.port());
        broker.afterPropertiesSet();
        link.connectTo(
                Integer.parseInt(broker.getBrokersAsString().split(",")[0].split(":")[1]));
        try (var admin =
                AdminClient.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(link)))) {
            admin.createTopics(List.of(new NewTopic(TOPIC, PARTITIONS, (short) 1)))
                    .all()
                    .get(60, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("topic " + TOPIC + " not created", e);
        }
        return new Started(broker, link);
    }

    private static String bootstrapServers(KafkaLink link) {
        return "localhost:" + link.port();
    }
}
