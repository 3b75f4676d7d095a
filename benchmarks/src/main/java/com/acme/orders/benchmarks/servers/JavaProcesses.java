package com.acme.orders.benchmarks.servers;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** A server that is a Java program (a Kafka broker) started as a process of its own, and its preparation. */
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
}
