package com.acme.orders.adapter.postgres;

import static com.acme.orders.adapter.postgres.jooq.Tables.ORDERS;
import static com.acme.orders.adapter.postgres.jooq.Tables.OUTBOX;

import org.jooq.DSLContext;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistrar;

/**
 * The adapter as the service runs it: Spring Boot's own data source, Flyway, jOOQ and transaction manager, and the
 * adapter's beans as bootstrap imports them ({@link PostgresAdapter}); only the database is the test's. One class for
 * every test, so Spring caches one context (one pool, one migration) for the whole run.
 */
@Configuration(proxyBeanMethods = false)
@EnableAutoConfiguration
@Import(PostgresAdapter.class)
public class PostgresAdapterTestContext {

    @Bean
    static DynamicPropertyRegistrar testPostgres() {
        return TestPostgres::addDataSourceProperties;
    }

    /** Each test starts from empty tables; the sequence keeps counting, as it would in production. */
    public static void deleteAllOrders(DSLContext db) {
        db.truncate(ORDERS).cascade().execute();
        db.truncate(OUTBOX).execute();
    }
}
