package com.acme.orders.benchmarks.servers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.Deque;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The benchmark's servers, each a process of its own outside every measured JVM: PostgreSQL 17, redis-server and a
 * Kafka broker. Usage: {@code BenchmarkServers <servers.properties>}. Their data and logs go to the directory
 * {@code servers} beside that file ({@code benchmarks/target/servers}); the file is written once all of them accept
 * work. They stay up until this JVM gets SIGTERM or its standard input ends, then stop in order, so that a caller
 * that dies (even by SIGKILL) takes them down by closing the pipe it holds.
 */
public final class BenchmarkServers {

    public static final String TOPIC = "orders.events";
    public static final int PARTITIONS = 6;

    private static final String LOGGING = """
            <configuration>
              <appender name="out" class="ch.qos.logback.core.ConsoleAppender">
                <encoder><pattern>%d{HH:mm:ss.SSS} %-5level %logger{36} - %msg%n</pattern></encoder>
              </appender>
              <!-- Used by the broker too. Quiet: the admin client's retries while the broker starts, config dumps. -->
              <logger name="org.apache.kafka.clients" level="ERROR"/>
              <logger name="org.apache.kafka.common" level="WARN"/>
              <root level="INFO"><appender-ref ref="out"/></root>
            </configuration>
            """;

    private BenchmarkServers() {}

    public static void main(String[] args) throws Exception {
        if (args.length != 1) {
            System.err.println("usage: BenchmarkServers <servers.properties>");
            System.exit(2);
        }
        Path addresses = Path.of(args[0]).toAbsolutePath();
        Path directory = addresses.resolveSibling("servers");
        Files.deleteIfExists(addresses);
        Path loggingConfig = directory.resolve("logback.xml");
        Files.createDirectories(directory);
        Files.writeString(loggingConfig, LOGGING);
        // Before the first logger exists: logback's default without a file is DEBUG for everything.
        System.setProperty("logback.configurationFile", loggingConfig.toString());
        Logger log = LoggerFactory.getLogger(BenchmarkServers.class);

        Deque<AutoCloseable> started = new ArrayDeque<>();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> stopAll(started, log), "stop-servers"));
        long begin = System.nanoTime();
        try {
            Leftovers.stop(directory.resolve("postgres/postmaster.pid"), "postgres");
            Leftovers.stop(directory.resolve("redis/redis.pid"), "redis-server");
            Leftovers.stop(directory.resolve("kafka/kafka.pid"), KafkaBrokerProcess.MARKER);
            for (String data : new String[] {"postgres", "redis", "kafka"}) {
                deleteRecursively(directory.resolve(data));
                Files.deleteIfExists(directory.resolve(data + ".log"));
            }
            var postgres =
                    PostgresProcess.start(directory.resolve("postgres"), freePort(), directory.resolve("postgres.log"));
            started.push(postgres);
            log.info("PostgreSQL up at {}: {}", postgres.jdbcUrl(), postgres.describe());
            var redis = RedisProcess.start(directory.resolve("redis"), freePort(), directory.resolve("redis.log"));
            started.push(redis);
            log.info("Redis up at {}:{}: {}", redis.host(), redis.port(), redis.describe());
            var kafka = KafkaBrokerProcess.start(
                    directory.resolve("kafka"),
                    freePort(),
                    freePort(),
                    directory.resolve("kafka.log"),
                    loggingConfig,
                    TOPIC,
                    PARTITIONS);
            started.push(kafka);
            log.info(
                    "Kafka broker (kafka.Kafka, KRaft, pid {}) up at {} with topic {} ({} partitions)",
                    kafka.pid(),
                    kafka.bootstrapServers(),
                    TOPIC,
                    PARTITIONS);
            new Servers(
                            postgres.jdbcUrl(),
                            postgres.user(),
                            postgres.password(),
                            redis.host(),
                            redis.port(),
                            kafka.bootstrapServers())
                    .write(addresses);
            log.info(
                    "All servers up in {} ms; addresses in {}; logs in {}/*.log",
                    (System.nanoTime() - begin) / 1_000_000,
                    addresses,
                    directory);
        } catch (Exception e) {
            log.error("The benchmark servers did not start", e);
            System.exit(1);
        }
        // Blocks until the caller closes our stdin (or SIGTERM runs the hook); the input itself means nothing.
        while (System.in.read() >= 0) {
            // ignore
        }
        log.info("Standard input closed: stopping the servers");
        System.exit(0);
    }

    /** Last started, first stopped: the broker and Redis go before the database. */
    private static void stopAll(Deque<AutoCloseable> started, Logger log) {
        while (!started.isEmpty()) {
            AutoCloseable server = started.pop();
            try {
                server.close();
            } catch (Exception e) {
                log.warn("{} did not stop cleanly", server.getClass().getSimpleName(), e);
            }
        }
        log.info("All servers stopped");
    }

    private static int freePort() throws IOException {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void deleteRecursively(Path directory) throws IOException {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.delete(path);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}
