package com.acme.orders.benchmarks.servers;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** A server that is a Java program (a Kafka broker) started as a process of its own. */
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
}
