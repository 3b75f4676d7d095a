package com.acme.orders.adapter.redis;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.connection.RedisConnection;
import org.springframework.data.redis.connection.RedisServerCommands;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceClientConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;
import redis.embedded.RedisServer;

/**
 * One real Redis for all the tests of a JVM, started on first use on a free port and stopped when the JVM exits. In a
 * Docker container where a Docker engine runs (Testcontainers), otherwise as a redis-server process from the binary
 * that ships inside {@code com.github.codemonstur:embedded-redis}, so the tests need neither Docker nor an installed
 * Redis. Both are Redis 6.2, without persistence: a restart comes back empty, like a Redis that lost its data.
 *
 * <p>Shared through this module's test-jar; a user of it also needs {@code com.github.codemonstur:embedded-redis} (and,
 * for Docker, {@code org.testcontainers:testcontainers}) on its test classpath.
 */
public final class TestRedis {

    private static final Logger log = LoggerFactory.getLogger(TestRedis.class);
    /** Same major as the embedded binary. */
    private static final String IMAGE = "redis:6.2-alpine";

    private static final int PORT = freePort();
    private static Server server;

    private TestRedis() {}

    /** A Redis that can be stopped and started again, empty, on the same port: the services under test stay on it. */
    private interface Server {
        String host();

        void start();

        void stop();
    }

    public static synchronized String host() {
        port();
        return server.host();
    }

    public static synchronized int port() {
        if (server == null) {
            server = dockerAvailable() ? new InDocker(PORT) : new Embedded(PORT);
            server.start();
            Runtime.getRuntime().addShutdownHook(new Thread(TestRedis::stop));
        }
        return PORT;
    }

    /** Points Spring Boot's Redis client at the server, from a {@code @DynamicPropertySource} or a registrar bean. */
    public static void addRedisProperties(DynamicPropertyRegistry registry) {
        registry.add("spring.data.redis.host", TestRedis::host);
        registry.add("spring.data.redis.port", TestRedis::port);
    }

    /** A started client of the server with short timeouts, so a test about an unreachable Redis fails fast. */
    public static LettuceConnectionFactory connectionFactory() {
        return connectionFactory(port());
    }

    public static LettuceConnectionFactory connectionFactory(int port) {
        var factory = new LettuceConnectionFactory(
                new RedisStandaloneConfiguration(host(), port),
                LettuceClientConfiguration.builder()
                        .commandTimeout(Duration.ofSeconds(2))
                        .build());
        factory.afterPropertiesSet();
        factory.start();
        return factory;
    }

    /**
     * Empties the server (FLUSHALL; its configuration stays): a Redis that lost its data, or a clean slate. The keys are
     * gone at once; Redis frees their memory in the background, so a large index does not hold up the test.
     */
    public static void flushAll() {
        var connections = connectionFactory();
        try {
            new StringRedisTemplate(connections).execute((RedisConnection it) -> {
                it.serverCommands().flushAll(RedisServerCommands.FlushOption.ASYNC);
                return null;
            });
        } finally {
            connections.destroy();
        }
    }

    /** Stops the server and starts a new, empty one on the same port: a Redis restarted without its data. */
    public static synchronized void restart() {
        port();
        server.stop();
        server.start();
    }

    public static synchronized void stop() {
        if (server != null) {
            server.stop();
        }
    }

    private static boolean dockerAvailable() {
        try {
            return InDocker.available();
        } catch (NoClassDefFoundError testcontainersNotOnClasspath) {
            return false;
        }
    }

    private static final class Embedded implements Server {
        private final int port;
        private RedisServer redis;

        Embedded(int port) {
            this.port = port;
            log.info(
                    "Redis of the tests: an embedded redis-server on port {} (no Docker engine, or no Testcontainers on the class path)",
                    port);
        }

        @Override
        public String host() {
            return "localhost";
        }

        @Override
        public void start() {
            try {
                redis = RedisServer.newRedisServer()
                        .port(port)
                        .bind("127.0.0.1")
                        .setting("save \"\"")
                        .setting("appendonly no")
                        .build();
                redis.start();
            } catch (IOException e) {
                throw new UncheckedIOException("embedded Redis did not start", e);
            }
        }

        @Override
        public void stop() {
            try {
                if (redis != null && redis.isActive()) {
                    redis.stop();
                }
            } catch (IOException e) {
                throw new UncheckedIOException("embedded Redis did not stop", e);
            }
        }
    }

    /** Every use of Testcontainers sits here, so that a classpath without it only loses this class. */
    private static final class InDocker implements Server {
        private final GenericContainer<?> container;

        static boolean available() {
            return DockerClientFactory.instance().isDockerAvailable();
        }

        InDocker(int port) {
            container = new GenericContainer<>(IMAGE)
                    .withCommand("redis-server", "--save", "", "--appendonly", "no")
                    .withExposedPorts(6379);
            // A fixed host port, so that a restart (a new container) comes back where the services already point.
            container.setPortBindings(List.of(port + ":6379"));
            log.info("Redis of the tests: {} in Docker (Testcontainers) on port {}", IMAGE, port);
        }

        @Override
        public String host() {
            return container.getHost();
        }

        @Override
        public void start() {
            container.start();
        }

        @Override
        public void stop() {
            container.stop();
        }
    }

    private static int freePort() {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
