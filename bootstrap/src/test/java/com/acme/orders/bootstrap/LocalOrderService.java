package com.acme.orders.bootstrap;

import com.acme.orders.adapter.postgres.LocalPostgres;
import com.acme.orders.adapter.redis.LocalRedis;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * The service on a developer's machine: {@code ./mvnw -pl bootstrap -am spring-boot:test-run}.
 * Every server that is not configured from outside is started embedded, as a real server process, before the service:
 * PostgreSQL unless {@code SPRING_DATASOURCE_URL} is set, Redis unless {@code SPRING_DATA_REDIS_HOST},
 * {@code SPRING_DATA_REDIS_URL} or {@code SPRING_DATA_REDIS_CLUSTER_NODES} is set, a Kafka broker unless
 * {@code SPRING_KAFKA_BOOTSTRAP_SERVERS} is set; the README's public secrets unless others are configured
 * ({@link LocalCredentialsUnlessConfigured}). This class lives with the tests so that the production jar
 * carries no server binaries.
 */
public final class LocalOrderService {

    private static final Logger log = LoggerFactory.getLogger(LocalOrderService.class);
    private static final Path LOCAL_DATA = Path.of(System.getProperty("orders.local-data", "target/local-stack"));

    private LocalOrderService() {}

    public static void main(String[] args) throws IOException {
        stopLeftovers(LOCAL_DATA);
        if (isConfigured("SPRING_DATASOURCE_URL", "spring.datasource.url")) {
            log.info("Using the PostgreSQL configured by SPRING_DATASOURCE_URL");
        } else {
            var postgres = LocalPostgres.start(LOCAL_DATA.resolve("postgres").toAbsolutePath(), freePort());
            Runtime.getRuntime().addShutdownHook(new Thread(() -> close(postgres)));
            System.setProperty("spring.datasource.url", postgres.jdbcUrl());
            System.setProperty("spring.datasource.username", postgres.username());
            System.setProperty("spring.datasource.password", postgres.password());
            log.info(
                    "Started embedded PostgreSQL at {} (data in {})",
                    postgres.jdbcUrl(),
                    LOCAL_DATA.resolve("postgres"));
        }
        if (isConfigured("SPRING_DATA_REDIS_HOST", "spring.data.redis.host")
                || isConfigured("SPRING_DATA_REDIS_URL", "spring.data.redis.url")
                || isConfigured("SPRING_DATA_REDIS_CLUSTER_NODES", "spring.data.redis.cluster.nodes")) {
            log.info("Using the Redis configured by the environment");
        } else {
            var redis = LocalRedis.start(LOCAL_DATA.resolve("redis").toAbsolutePath(), freePort());
            Runtime.getRuntime().addShutdownHook(new Thread(() -> close(redis)));
            System.setProperty("spring.data.redis.host", redis.host());
            System.setProperty("spring.data.redis.port", Integer.toString(redis.port()));
            log.info(
                    "Started embedded Redis at {}:{} (data in {})",
                    redis.host(),
                    redis.port(),
                    LOCAL_DATA.resolve("redis"));
        }
        if (isConfigured("SPRING_KAFKA_BOOTSTRAP_SERVERS", "spring.kafka.bootstrap-servers")) {
            log.info("Using the Kafka configured by SPRING_KAFKA_BOOTSTRAP_SERVERS");
        } else {
            // In this JVM and without persistence: events of a previous run are gone, the outbox still has the unsent.
            var kafka = new EmbeddedKafkaKraftBroker(1, 1);
            kafka.afterPropertiesSet();
            Runtime.getRuntime().addShutdownHook(new Thread(kafka::destroy));
            System.setProperty("spring.kafka.bootstrap-servers", kafka.getBrokersAsString());
            log.info(
                    "Started embedded Kafka at {}; watch the events with: kafka-console-consumer.sh --bootstrap-server {} "
                            + "--topic orders.events --from-beginning --property print.key=true --property print.headers=true",
                    kafka.getBrokersAsString(),
                    kafka.getBrokersAsString());
        }
        new SpringApplicationBuilder(OrderServiceApplication.class)
                .listeners(new LocalCredentialsUnlessConfigured())
                .run(args);
    }

    /** The embedded servers an earlier run, killed outright, left running on the data of {@code localData}. */
    static void stopLeftovers(Path localData) throws IOException {
        LeftoverServers.stop(localData.resolve("postgres").resolve("postmaster.pid"), "postgres");
        LeftoverServers.stop(localData.resolve("redis").resolve(LocalRedis.PID_FILE), "redis-server");
    }

    private static boolean isConfigured(String environmentVariable, String systemProperty) {
        return System.getenv(environmentVariable) != null || System.getProperty(systemProperty) != null;
    }

    private static int freePort() throws IOException {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void close(AutoCloseable server) {
        try {
            server.close();
        } catch (Exception e) {
            log.warn("Embedded server did not stop cleanly", e);
        }
    }
}
