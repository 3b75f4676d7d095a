package com.acme.orders.benchmarks.driver;

import com.acme.orders.benchmarks.servers.Servers;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;

/** The driver's look into the benchmark's Redis: emptying it between runs and reading its memory. */
final class RedisProbe implements AutoCloseable {

    private final RedisClient client;
    private final StatefulRedisConnection<String, String> connection;

    RedisProbe(Servers servers) {
        client = RedisClient.create(RedisURI.create(servers.redisHost(), servers.redisPort()));
        connection = client.connect();
    }

    void flushAll() {
        connection.sync().flushall();
    }

    /** Bytes the allocator holds for data, as {@code INFO memory} reports it ({@code used_memory}). */
    long usedMemory() {
        return Long.parseLong(field(connection.sync().info("memory"), "used_memory"));
    }

    String version() {
        return field(connection.sync().info("server"), "redis_version");
    }

    boolean exists(String key) {
        return connection.sync().exists(key) > 0;
    }

    private static String field(String info, String name) {
        for (String line : info.split("\r?\n")) {
            if (line.startsWith(name + ":")) {
                return line.substring(name.length() + 1).strip();
            }
        }
        throw new IllegalStateException("INFO has no " + name);
    }

    @Override
    public void close() {
        connection.close();
        client.shutdown();
    }
}
