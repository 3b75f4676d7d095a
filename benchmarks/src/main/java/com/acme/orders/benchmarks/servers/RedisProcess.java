package com.acme.orders.benchmarks.servers;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import redis.embedded.RedisServer;

/**
 * The redis-server 6.2 binary that the tests use (inside the embedded-redis jar), as a process of its own. Nothing is
 * persisted: an RDB snapshot or an append-only file would put disk writes of Redis into the numbers, and the service
 * rebuilds its deadline index from PostgreSQL anyway.
 */
final class RedisProcess implements AutoCloseable {

    static final String SOURCE = "embedded redis-server from com.github.codemonstur:embedded-redis";

    private final RedisServer server;
    private final int port;

    private RedisProcess(RedisServer server, int port) {
        this.server = server;
        this.port = port;
    }

    static RedisProcess start(Path directory, int port, Path log) throws IOException {
        Files.createDirectories(directory);
        var out = new PrintWriter(Files.newBufferedWriter(log), true);
        var server = RedisServer.newRedisServer()
                .port(port)
                .bind("127.0.0.1")
                .setting("dir " + directory.toAbsolutePath())
                .setting("save \"\"")
                .setting("appendonly no")
                // For BenchmarkServers' next start, in case this one is killed before it can stop Redis.
                .setting("pidfile " + directory.toAbsolutePath().resolve("redis.pid"))
                .setting("maxmemory 0")
                // Many benchmark clients connect at once (50 for redis-benchmark, the pools of the service).
                .setting("maxclients 10000")
                .soutListener(out::println)
                .serrListener(out::println)
                .build();
        server.start();
        return new RedisProcess(server, port);
    }

    String host() {
        return "127.0.0.1";
    }

    int port() {
        return port;
    }

    /** The version the server reports, so that the output says which Redis was measured. */
    String describe() {
        try (var socket = new Socket(host(), port)) {
            socket.getOutputStream().write("*2\r\n$4\r\nINFO\r\n$6\r\nserver\r\n".getBytes(StandardCharsets.US_ASCII));
            String info = readBulkString(socket.getInputStream());
            String version = info.lines()
                    .filter(it -> it.startsWith("redis_version:"))
                    .findFirst()
                    .map(it -> it.substring("redis_version:".length()))
                    .orElse("?");
            return "redis-server " + version + " (" + SOURCE + "), save \"\", appendonly no, maxmemory 0";
        } catch (IOException e) {
            throw new IllegalStateException("Redis started but does not answer", e);
        }
    }

    /** A RESP bulk string: {@code $<length>\r\n<bytes>\r\n}. */
    private static String readBulkString(InputStream in) throws IOException {
        var header = new StringBuilder();
        for (int c = in.read(); c != '\n'; c = in.read()) {
            if (c < 0) {
                throw new IOException("connection closed");
            }
            header.append((char) c);
        }
        int length = Integer.parseInt(header.substring(1).trim());
        return new String(in.readNBytes(length), StandardCharsets.UTF_8);
    }

    @Override
    public void close() throws IOException {
        server.stop();
    }
}
