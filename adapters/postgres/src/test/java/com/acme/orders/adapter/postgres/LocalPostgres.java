package com.acme.orders.adapter.postgres;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Path;

/**
 * A PostgreSQL for running the service on a developer's machine without installing or starting one: embedded, on a
 * fixed port, keeping its data in a directory across restarts, so the orders placed yesterday are still there today.
 * Stopped by {@link #close()} or when the JVM exits.
 *
 * <p>The data directory belongs to the PostgreSQL major that created it (17, the binaries of this module's pom);
 * binaries of another major refuse to open it, so delete the directory after changing the binaries version.
 */
public final class LocalPostgres implements AutoCloseable {

    private final EmbeddedPostgres postgres;

    private LocalPostgres(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    /** Creates the database cluster in {@code dataDirectory} the first time and reuses it on every later start. */
    public static LocalPostgres start(Path dataDirectory, int port) throws IOException {
        return new LocalPostgres(EmbeddedPostgres.builder()
                .setDataDirectory(dataDirectory)
                .setCleanDataDirectory(false)
                .setPort(port)
                .start());
    }

    public String jdbcUrl() {
        return postgres.getJdbcUrl("postgres", "postgres");
    }

    public String username() {
        return "postgres";
    }

    /** Local connections are trusted; there is no password. */
    public String password() {
        return "";
    }

    @Override
    public void close() throws IOException {
        postgres.close();
    }
}
