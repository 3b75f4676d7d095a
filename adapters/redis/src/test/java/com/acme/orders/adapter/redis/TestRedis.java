package com.acme.orders.adapter.redis;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.Duration;
import org.springframework.data.redis.connection.RedisConnection;
import org.springframework.data.redis.connection.RedisServerCommands;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceClientConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import redis.embedded.RedisServer;

/**
 * One real redis-server for all the tests of a JVM, started on first use on a free port and stopped when the JVM
 * exits. The binary (Redis 6.2) ships inside {@code com.github.codemonstur:embedded-redis}, so the tests need neither
 * Docker nor an installed Redis. Without persistence: a restart comes back empty, like a Redis that lost its data.
 *
 * <p>Shared through this module's test-jar; a user of it also needs {@code com.github.codemonstur:embedded-redis}.
 */
public final class TestRedis {

    private static final int PORT = freePort();
    private static RedisServer server;

    private TestRedis() {}

    public static String host() {
        return "localhost";
    }

    public static synchronized int port() {
        if (server == null) {
            start();
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
        stop();
        start();
    }

    public static synchronized void stop() {
        try {
            if (server != null && server.isActive()) {
                server.stop();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("embedded Redis did not stop", e);
        }
    }

    private static void start() {
        try {
            server = RedisServer.newRedisServer()
                    .port(PORT)
                    .bind("127.0.0.1")
                    .setting("save \"\"")
                    .setting("appendonly no")
                    .build();
            server.start();
        } catch (IOException e) {
            throw new UncheckedIOException("embedded Redis did not start", e);
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
