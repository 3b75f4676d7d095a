package com.acme.orders.benchmarks.reliability;

import com.acme.orders.benchmarks.servers.JavaProcesses;
import java.io.IOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.Uuid;

/**
 * A Kafka cluster of {@code size} KRaft nodes, each broker and controller at once, each a JVM of its own running
 * Kafka's {@code kafka.Kafka} from the kafka_2.13 jars on this class path. The topic is created with one replica per
 * broker (at most three) and {@code min.insync.replicas} one less (at least one), so that with the producer's
 * {@code acks=all} a record counts as sent only once two brokers hold it, and one broker may die.
 */
final class KafkaCluster implements AutoCloseable {

    /** Recognises the brokers of this run by their command line. */
    static final String MARKER = "-Dorders.reliability.server=kafka";

    private final List<Broker> brokers = new ArrayList<>();
    private final Path loggingConfig;

    final class Broker {
        final int id;
        final int port;
        final Path properties;
        final Path log;
        Process process;

        Broker(int id, int port, Path properties, Path log) throws IOException {
            this.id = id;
            this.port = port;
            this.properties = properties;
            this.log = log;
            this.process = launch();
        }

        void start() throws IOException {
            process = launch();
        }

        private Process launch() throws IOException {
            return java(
                            List.of(MARKER, "-Xms256m", "-Xmx512m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1"),
                            "kafka.Kafka",
                            properties.toString())
                    .redirectOutput(Redirect.appendTo(log.toFile()))
                    .start();
        }
    }

    private KafkaCluster(Path loggingConfig) {
        this.loggingConfig = loggingConfig;
    }

    static KafkaCluster start(Path directory, int size, List<Integer> ports, Path loggingConfig, String topic)
            throws Exception {
        var cluster = new KafkaCluster(loggingConfig);
        var voters = new ArrayList<String>();
        for (int i = 0; i < size; i++) {
            voters.add((i + 1) + "@localhost:" + ports.get(size + i));
        }
        String clusterId = Uuid.randomUuid().toString();
        for (int i = 0; i < size; i++) {
            Path home = directory.resolve("broker-" + (i + 1));
            Files.createDirectories(home);
            Path properties = home.resolve("server.properties");
            Files.writeString(
                    properties,
                    JavaProcesses.kafkaNodeProperties(
                            i + 1,
                            String.join(",", voters),
                            home.resolve("data"),
                            ports.get(i),
                            ports.get(size + i),
                            6,
                            Math.min(3, size)));
            Path log = home.resolve("kafka.log");
            JavaProcesses.formatKafkaStorage(cluster.loggingConfig, clusterId, properties, log);
            cluster.brokers.add(cluster.new Broker(i + 1, ports.get(i), properties, log));
        }
        cluster.createTopic(topic);
        return cluster;
    }

    int size() {
        return brokers.size();
    }

    short replicas() {
        return (short) Math.min(3, brokers.size());
    }

    String bootstrapServers() {
        return String.join(
                ",", brokers.stream().map(it -> "localhost:" + it.port).toList());
    }

    Broker broker(int index) {
        return brokers.get(index);
    }

    private void createTopic(String topic) throws InterruptedException {
        var giveUp = Instant.now().plusSeconds(180);
        while (true) {
            try (var admin = AdminClient.create(Map.of(
                    AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                    AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10_000,
                    AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000))) {
                if (admin.describeCluster().nodes().get(10, TimeUnit.SECONDS).size() == brokers.size()) {
                    if (!admin.listTopics().names().get(10, TimeUnit.SECONDS).contains(topic)) {
                        admin.createTopics(List.of(new NewTopic(topic, 6, replicas())
                                        .configs(Map.of(
                                                "min.insync.replicas", Integer.toString(Math.max(1, replicas() - 1))))))
                                .all()
                                .get(30, TimeUnit.SECONDS);
                    }
                    return;
                }
            } catch (Exception notYet) {
                if (Instant.now().isAfter(giveUp)) {
                    throw new IllegalStateException("the Kafka cluster did not come up within 180 s", notYet);
                }
            }
            for (Broker broker : brokers) {
                if (!broker.process.isAlive()) {
                    throw new IllegalStateException("Kafka broker " + broker.id + " exited, see " + broker.log);
                }
            }
            Thread.sleep(500);
        }
    }

    private ProcessBuilder java(List<String> jvmOptions, String mainClass, String... arguments) {
        return JavaProcesses.java(loggingConfig, jvmOptions, mainClass, arguments);
    }

    @Override
    public void close() throws InterruptedException {
        for (Broker broker : brokers) {
            broker.process.destroy();
        }
        for (Broker broker : brokers) {
            if (!broker.process.waitFor(30, TimeUnit.SECONDS)) {
                broker.process.destroyForcibly().waitFor();
            }
        }
    }
}
