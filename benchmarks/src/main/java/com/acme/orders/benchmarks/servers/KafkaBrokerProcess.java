package com.acme.orders.benchmarks.servers;

import java.io.IOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * One Kafka broker (KRaft, broker and controller in one node) in a JVM of its own, running Kafka's own
 * {@code kafka.Kafka} from the {@code kafka_2.13} jars: its garbage collector and threads compete with nothing that
 * is measured, as a broker on its own machine would not.
 */
final class KafkaBrokerProcess implements AutoCloseable {

    private static final Duration STARTUP = Duration.ofSeconds(180);
    /** Recognises the broker of an earlier run by its command line (see {@link Leftovers}). */
    static final String MARKER = "-Dorders.benchmark.server=kafka";

    private final Process process;
    private final int port;

    private KafkaBrokerProcess(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    static KafkaBrokerProcess start(
            Path directory, int port, int controllerPort, Path log, Path loggingConfig, String topic, int partitions)
            throws IOException, InterruptedException {
        Files.createDirectories(directory);
        Path properties = directory.resolve("server.properties");
        Files.writeString(properties, serverProperties(directory.resolve("data"), port, controllerPort, partitions));
        // KRaft refuses to start on unformatted storage; a fresh cluster id each run, as the data directory is new.
        JavaProcesses.formatKafkaStorage(loggingConfig, Uuid.randomUuid().toString(), properties, log);
        // A fixed heap, as Kafka's own start script sets one; the page cache does the rest.
        // The marker comes first: the JDK sees only the first few KB of a command line, and the class path is long.
        Process process = JavaProcesses.java(
                        loggingConfig,
                        List.of(MARKER, "-Xms1g", "-Xmx1g", "-XX:+UseG1GC"),
                        "kafka.Kafka",
                        properties.toString())
                .redirectOutput(Redirect.appendTo(log.toFile()))
                .start();
        // For BenchmarkServers' next start, in case this one is killed before it can stop the broker.
        Files.writeString(directory.resolve("kafka.pid"), Long.toString(process.pid()));
        var broker = new KafkaBrokerProcess(process, port);
        broker.createTopic(topic, partitions, log);
        return broker;
    }

    String bootstrapServers() {
        return "localhost:" + port;
    }

    long pid() {
        return process.pid();
    }

    /** Retried until the broker answers: creating the topic is also the proof that it is up. */
    private void createTopic(String topic, int partitions, Path log) throws InterruptedException {
        Instant giveUp = Instant.now().plus(STARTUP);
        while (true) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the Kafka broker exited with " + process.exitValue() + ", see " + log);
            }
            try (var admin = AdminClient.create(Map.of(
                    AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                    bootstrapServers(),
                    AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG,
                    5_000,
                    AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG,
                    5_000))) {
                admin.createTopics(List.of(new NewTopic(topic, partitions, (short) 1)))
                        .all()
                        .get(30, TimeUnit.SECONDS);
                return;
            } catch (Exception e) {
                if (e instanceof ExecutionException && e.getCause() instanceof TopicExistsException) {
                    // An earlier attempt created it but timed out waiting for the answer (a slow, busy machine).
                    return;
                }
                if (Instant.now().isAfter(giveUp)) {
                    throw new IllegalStateException(
                            "the Kafka broker did not accept topic " + topic + " within " + STARTUP + ", see " + log,
                            e);
                }
                Thread.sleep(500);
            }
        }
    }

    private static String serverProperties(Path data, int port, int controllerPort, int partitions) {
        // One broker: every topic, the internal ones too, has exactly one replica.
        return JavaProcesses.kafkaNodeProperties(
                1, "1@localhost:" + controllerPort, data, port, controllerPort, partitions, 1);
    }

    /** SIGTERM: the broker shuts down in order (it flushes its logs), then we wait for it. */
    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }
}
