package com.acme.orders.benchmarks.servers;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/**
 * Where the benchmark's server processes listen: written by {@code BenchmarkServers} once all of them are up, read by
 * the driver, which hands the addresses on to every JVM it starts.
 */
public record Servers(
        String jdbcUrl,
        String dbUser,
        String dbPassword,
        String redisHost,
        int redisPort,
        String kafkaBootstrapServers) {

    public static Servers read(Path file) {
        var properties = new Properties();
        try (Reader in = Files.newBufferedReader(file)) {
            properties.load(in);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the server addresses in " + file, e);
        }
        return new Servers(
                properties.getProperty("postgres.url"),
                properties.getProperty("postgres.user"),
                properties.getProperty("postgres.password"),
                properties.getProperty("redis.host"),
                Integer.parseInt(properties.getProperty("redis.port")),
                properties.getProperty("kafka.bootstrap-servers"));
    }

    /** Written to a temporary file and moved into place, so that a reader never sees half of it. */
    public void write(Path file) {
        var properties = new Properties();
        properties.setProperty("postgres.url", jdbcUrl);
        properties.setProperty("postgres.user", dbUser);
        properties.setProperty("postgres.password", dbPassword);
        properties.setProperty("redis.host", redisHost);
        properties.setProperty("redis.port", Integer.toString(redisPort));
        properties.setProperty("kafka.bootstrap-servers", kafkaBootstrapServers);
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Path partial = file.resolveSibling(file.getFileName() + ".partial");
            try (Writer out = Files.newBufferedWriter(partial)) {
                properties.store(out, "benchmark servers");
            }
            Files.move(
                    partial,
                    file,
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new IllegalStateException("cannot write the server addresses to " + file, e);
        }
    }

    /** The Spring Boot properties that point a service JVM at these servers. */
    public java.util.List<String> springArguments() {
        return java.util.List.of(
                "--spring.datasource.url=" + jdbcUrl,
                "--spring.datasource.username=" + dbUser,
                "--spring.datasource.password=" + dbPassword,
                "--spring.data.redis.host=" + redisHost,
                "--spring.data.redis.port=" + redisPort,
                "--spring.kafka.bootstrap-servers=" + kafkaBootstrapServers);
    }
}
