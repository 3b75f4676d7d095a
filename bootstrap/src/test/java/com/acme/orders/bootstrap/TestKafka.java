package com.acme.orders.bootstrap;

import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.kafka.KafkaContainer;

/**
 * One real Kafka broker for the tests: in a Docker container where a Docker engine runs (Testcontainers), otherwise a
 * KRaft broker in this JVM ({@code spring-kafka-test}). Either way it is reached through a {@link KafkaLink} that the
 * tests can cut to make Kafka unreachable for the service while it keeps working, and restore.
 */
final class TestKafka {

    static final String TOPIC = "orders.events";
    static final int PARTITIONS = 3;
    private static final Logger log = LoggerFactory.getLogger(TestKafka.class);
    private static final Started STARTED = start();

    /** {@code broker} is held so that it lives as long as the JVM: the embedded broker, or the container. */
    private record Started(Object broker, KafkaLink link) {}

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
        Object broker = dockerAvailable() ? InDocker.start(link) : embedded(link);
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

    private static EmbeddedKafkaKraftBroker embedded(KafkaLink link) {
        log.info("Kafka of the tests: an embedded KRaft broker in this JVM (no Docker engine found)");
        var broker = new EmbeddedKafkaKraftBroker(1, PARTITIONS);
        // Clients learn the broker's address from its metadata: advertise the link, so that no client goes around it.
        broker.brokerProperty("advertised.listeners", "EXTERNAL://localhost:" + link.port());
        broker.afterPropertiesSet();
        link.connectTo(
                "localhost",
                Integer.parseInt(broker.getBrokersAsString().split(",")[0].split(":")[1]));
        return broker;
    }

    private static boolean dockerAvailable() {
        try {
            return InDocker.available();
        } catch (NoClassDefFoundError testcontainersNotOnClasspath) {
            return false;
        }
    }

    private static String bootstrapServers(KafkaLink link) {
        return "localhost:" + link.port();
    }

    /** Every use of Testcontainers sits here, so that a classpath without it only loses this class. */
    private static final class InDocker {

        /** Apache's own image, Kafka 4 in KRaft mode, as the embedded broker. */
        private static final String IMAGE = "apache/kafka:4.0.0";
        /** A listener of the container's own for the link, advertised as the link. */
        private static final int LINKED_PORT = 19092;

        static boolean available() {
            return DockerClientFactory.instance().isDockerAvailable();
        }

        @SuppressWarnings("resource") // Testcontainers removes the container when the JVM exits.
        static KafkaContainer start(KafkaLink link) {
            log.info("Kafka of the tests: {} in Docker (Testcontainers)", IMAGE);
            // Clients learn the broker's address from its metadata: advertise the link, so that no client goes around
            // it.
            var container =
                    new KafkaContainer(IMAGE).withListener("0.0.0.0:" + LINKED_PORT, () -> "localhost:" + link.port());
            container.addExposedPort(LINKED_PORT);
            container.start();
            link.connectTo(container.getHost(), container.getMappedPort(LINKED_PORT));
            return container;
        }
    }
}
