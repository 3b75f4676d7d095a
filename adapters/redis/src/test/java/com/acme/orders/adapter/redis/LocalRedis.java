package com.acme.orders.adapter.redis;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import redis.embedded.RedisServer;

/**
 * A Redis for running the service on a developer's machine: embedded, on a given port, saving its data in a directory
 * so the index survives a restart of the local stack (and if it does not, the service rebuilds it from PostgreSQL).
 * Stopped by {@link #close()}.
 */
public final class LocalRedis implements AutoCloseable {

    /** In the data directory: how a later run finds a server this one left running when it was killed outright. */
    public static final String PID_FILE = "redis.pid";

    private final RedisServer server;
    private final int port;

    private LocalRedis(RedisServer server, int port) {
        this.server = server;
        this.port = port;
    }

    public static LocalRedis start(Path dataDirectory, int port) throws IOException {
        Files.createDirectories(dataDirectory);
        var server = RedisServer.newRedisServer()
                .port(port)
                .bind("127.0.0.1")
                .setting("dir " + dataDirectory.toAbsolutePath())
                .setting("pidfile " + dataDirectory.toAbsolutePath().resolve(PID_FILE))
                .setting("save 60 1")
                .build();
        server.start();
        return new LocalRedis(server, port);
    }

    public String host() {
        return "localhost";
    }

    public int port() {
        return port;
    }

    @Override
    public void close() throws IOException {
        server.stop();
    }
}
