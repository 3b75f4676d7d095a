package com.acme.orders.benchmarks.servers;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * PostgreSQL 17 as a server process of its own (zonky's binaries, as the tests use), configured like a production
 * server rather than a test one: zonky turns durability off for tests ({@code -F}, {@code synchronous_commit=off}),
 * which would flatter every commit-bound number of the benchmark.
 */
public final class PostgresProcess implements AutoCloseable {

    /** In the order they are passed: later {@code -c} options win over zonky's {@code -F}. */
    static final Map<String, String> SETTINGS = settings(
            // The driver reads the commit time of every cancellation with pg_xact_commit_timestamp(xmin).
            "track_commit_timestamp", "on",
            // Durable commits, as in production: a cancellation counts once it is on disk.
            "fsync", "on",
            "synchronous_commit", "on",
            "full_page_writes", "on",
            // The service's pools, the competitors' pools and pgbench together stay far below this.
            "max_connections", "300",
            // The whole working set (a few million orders) fits in memory, as it would on a database server.
            "shared_buffers", "1GB",
            // Large enough that seeding a million rows does not force a checkpoint every few seconds.
            "max_wal_size", "8GB",
            "checkpoint_timeout", "15min",
            "timezone", "UTC",
            "log_min_messages", "warning",
            "log_checkpoints", "on",
            // Every autovacuum and autoanalyze in the log, with its time: the work that competes with a wave.
            "log_autovacuum_min_duration", "0",
            // Any statement slower than a second is logged with the plan it ran (benchmarks/target/servers/): how a
            // relay query planned on the statistics of an empty outbox was found to take 30 s.
            "session_preload_libraries", "auto_explain",
            "shared_preload_libraries", "pg_stat_statements",
            "auto_explain.log_min_duration", "1s",
            "auto_explain.log_analyze", "off");

    private final EmbeddedPostgres postgres;
    private final int port;
    private final Path dataDirectory;

    private PostgresProcess(EmbeddedPostgres postgres, int port, Path dataDirectory) {
        this.postgres = postgres;
        this.port = port;
        this.dataDirectory = dataDirectory;
    }

    public static PostgresProcess start(Path dataDirectory, int port, Path log) throws IOException {
        var builder = EmbeddedPostgres.builder()
                .setDataDirectory(dataDirectory)
                .setCleanDataDirectory(true)
                .setPort(port)
                // Stopped by BenchmarkServers after the broker and Redis, not by a hook racing the others.
                .setRegisterShutdownHook(false)
                .setPGStartupWait(Duration.ofSeconds(60))
                .setOutputRedirector(Redirect.appendTo(log.toFile()))
                .setErrorRedirector(Redirect.appendTo(log.toFile()));
        SETTINGS.forEach(builder::setServerConfig);
        return new PostgresProcess(builder.start(), port, dataDirectory);
    }

    /** The postmaster, parent of every backend: the reliability run freezes it with all its children. */
    public ProcessHandle postmaster() throws IOException {
        String pid = java.nio.file.Files.readAllLines(dataDirectory.resolve("postmaster.pid"))
                .getFirst()
                .strip();
        return ProcessHandle.of(Long.parseLong(pid))
                .orElseThrow(() -> new IllegalStateException("PostgreSQL's postmaster " + pid + " is gone"));
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://localhost:" + port + "/postgres";
    }

    public String user() {
        return "postgres";
    }

    /** Local connections are trusted (initdb -A trust). */
    public String password() {
        return "";
    }

    /** The settings as the running server reports them, to prove the command line took effect. */
    public String describe() {
        List<String> shown = new ArrayList<>();
        try (var connection = DriverManager.getConnection(jdbcUrl(), user(), password());
                var statement = connection.createStatement()) {
            try (var version = statement.executeQuery("SHOW server_version")) {
                version.next();
                shown.add("PostgreSQL " + version.getString(1));
            }
            for (String name : List.of(
                    "fsync",
                    "synchronous_commit",
                    "track_commit_timestamp",
                    "max_connections",
                    "shared_buffers",
                    "max_wal_size")) {
                try (var value = statement.executeQuery("SHOW " + name)) {
                    value.next();
                    shown.add(name + "=" + value.getString(1));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL started but does not answer", e);
        }
        return String.join(", ", shown);
    }

    @Override
    public void close() throws IOException {
        postgres.close();
    }

    private static Map<String, String> settings(String... namesAndValues) {
        var settings = new LinkedHashMap<String, String>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            settings.put(namesAndValues[i], namesAndValues[i + 1]);
        }
        return Collections.unmodifiableMap(settings);
    }
}
