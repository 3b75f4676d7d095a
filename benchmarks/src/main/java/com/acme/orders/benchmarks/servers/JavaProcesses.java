package com.acme.orders.benchmarks.servers;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A server that is a Java program (a Kafka broker, the service) started as a process of its own, its preparation, and
 * the wait until it is ready.
 */
public final class JavaProcesses {

    private JavaProcesses() {}

    /**
     * The same JDK and class path as this JVM (the kafka_2.13 jars are on it, runtime scope), logging configured by
     * {@code loggingConfig}; output and errors together.
     */
    public static ProcessBuilder java(
            Path loggingConfig, List<String> jvmOptions, String mainClass, String... arguments) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.addAll(List.of(
                "-Dlogback.configurationFile=" + loggingConfig.toAbsolutePath(),
                "-cp",
                System.getProperty("java.class.path"),
                mainClass));
        command.addAll(List.of(arguments));
        return new ProcessBuilder(command).redirectErrorStream(true);
    }

    /**
     * The {@code server.properties} of one KRaft node, broker and controller at once: this benchmark's single broker,
     * or one node of the reliability run's cluster. Topics, the internal ones too, get {@code replicas} replicas and
     * need one fewer in sync (at least one) to take a write.
     *
     * @param voters the controller quorum, {@code id@host:port} joined by commas
     */
    public static String kafkaNodeProperties(
            int id, String voters, Path data, int port, int controllerPort, int partitions, int replicas) {
        String factor = Integer.toString(replicas);
        String minInSync = Integer.toString(Math.max(1, replicas - 1));
        return String.join(
                "\n",
                "process.roles=broker,controller",
                "node.id=" + id,
                "controller.quorum.voters=" + voters,
                "listeners=PLAINTEXT://localhost:" + port + ",CONTROLLER://localhost:" + controllerPort,
                "advertised.listeners=PLAINTEXT://localhost:" + port,
                "controller.listener.names=CONTROLLER",
                "inter.broker.listener.name=PLAINTEXT",
                "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
                "log.dirs=" + data.toAbsolutePath(),
                "num.partitions=" + partitions,
                "default.replication.factor=" + factor,
                "min.insync.replicas=" + minInSync,
                "offsets.topic.replication.factor=" + factor,
                "transaction.state.log.replication.factor=" + factor,
                "transaction.state.log.min.isr=" + minInSync,
                "share.coordinator.state.topic.replication.factor=" + factor,
                "share.coordinator.state.topic.min.isr=" + minInSync,
                // A replica that fell behind (its broker was killed) may not lead: acknowledged records stay.
                "unclean.leader.election.enable=false",
                // Consumers join at once; the default 3 s delay would only add to every run.
                "group.initial.rebalance.delay.ms=0",
                "");
    }

    /**
     * Formats a KRaft node's storage, which Kafka refuses to start without, for the cluster {@code clusterId}; the
     * tool's output goes to {@code log}.
     */
    public static void formatKafkaStorage(Path loggingConfig, String clusterId, Path properties, Path log)
            throws IOException, InterruptedException {
        int formatted = java(
                        loggingConfig,
                        List.of(),
                        "kafka.tools.StorageTool",
                        "format",
                        "--ignore-formatted",
                        "-t",
                        clusterId,
                        "-c",
                        properties.toString())
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start()
                .waitFor();
        if (formatted != 0) {
            throw new IllegalStateException("kafka-storage format failed (exit " + formatted + "), see " + log);
        }
    }

    /**
     * Waits until the service started as {@code process} answers its readiness probe on {@code managementPort} with
     * UP; fails at once if the process exits, and after {@code atMost}, naming {@code log}.
     */
    public static void awaitReady(Process process, String name, int managementPort, Duration atMost, Path log)
            throws IOException, InterruptedException {
        var http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        var probe = HttpRequest.newBuilder(
                        URI.create("http://localhost:" + managementPort + "/actuator/health/readiness"))
                .timeout(Duration.ofSeconds(2))
                .build();
        var giveUp = Instant.now().plus(atMost);
        while (Instant.now().isBefore(giveUp)) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + "; see " + log);
            }
            try {
                if (http.send(probe, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException(name + " was not ready after " + atMost + "; see " + log);
    }
}
