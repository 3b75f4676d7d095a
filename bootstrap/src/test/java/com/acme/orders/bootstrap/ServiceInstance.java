package com.acme.orders.bootstrap;

import com.acme.orders.adapter.postgres.TestPostgres;
import com.acme.orders.adapter.postgres.outbox.PostgresEventPublication;
import com.acme.orders.adapter.redis.TestRedis;
import com.acme.orders.adapter.scheduling.deadline.DeadlineSweeper;
import com.acme.orders.application.change.port.EventPublication;
import com.acme.orders.application.fakes.RecordedEvents;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;

/**
 * One instance of the service (its whole Spring context, timeout worker and sweeper included) on the test's real
 * PostgreSQL, Redis and Kafka. Several of them side by side are several instances of a deployment. The events of every
 * instance are written to the outbox as always and also handed to one shared recorder, so a test can count the events
 * of all of them; the outbox relay is off, these tests are about timeouts.
 */
final class ServiceInstance implements AutoCloseable {

    /**
     * Short enough for tests to see leases expire and sweeps repair within seconds. No reminders: these tests count
     * the writes of the timeouts, and a reminder is a write of its own ({@code PaymentRemindersTest} turns them on).
     */
    static final Map<String, Object> FAST_TIMEOUTS = Map.of(
            "orders.timeouts.poll-interval", "50ms",
            "orders.timeouts.lease", "2s",
            "orders.timeouts.sweeper-interval", "1s",
            "orders.timeouts.sweeper-margin", "1s",
            "orders.reminders.before", "0s");

    private final ConfigurableApplicationContext context;

    private ServiceInstance(ConfigurableApplicationContext context) {
        this.context = context;
    }

    static ServiceInstance start(RecordedEvents events, Map<String, Object> properties) {
        Map<String, Object> all = new HashMap<>(FAST_TIMEOUTS);
        all.putAll(testServers());
        all.put("orders.outbox.relay.enabled", "false");
        all.put("orders.security.jwt.secret", LocalCredentials.TOKEN_SECRET);
        all.put("orders.payments.signing-secrets", LocalCredentials.PAYMENT_SECRET);
        all.put("spring.main.banner-mode", "off");
        all.putAll(properties);
        var context = new SpringApplicationBuilder(OrderServiceApplication.class)
                .web(WebApplicationType.NONE)
                .initializers(it -> ((GenericApplicationContext) it)
                        .registerBean(
                                "recordedEvents",
                                EventPublication.class,
                                () -> published -> {
                                    events.publish(published);
                                    it.getBean(PostgresEventPublication.class).publish(published);
                                },
                                definition -> definition.setPrimary(true)))
                .run(arguments(all));
        var service = new ServiceInstance(context);
        // The start-up rebuild reads the orders earlier tests left; finishing after a test's reset, it would put their
        // entries back into the index the test just flushed.
        var sweeper = context.getBeanProvider(DeadlineSweeper.class).getIfAvailable();
        var rebuiltBy = Instant.now().plusSeconds(60);
        while (sweeper != null && !sweeper.hasRebuiltSinceStart()) {
            if (Instant.now().isAfter(rebuiltBy)) {
                service.close();
                throw new IllegalStateException("the deadline index was not rebuilt within 60 s of start-up");
            }
            LockSupport.parkNanos(Duration.ofMillis(20).toNanos());
        }
        return service;
    }

    /**
     * The whole service as a deployment runs it, its API and management servers on free ports
     * ({@code local.server.port}, {@code local.management.port}), on the tests' servers; {@code properties} on top.
     */
    static ConfigurableApplicationContext startWithWebServers(Map<String, Object> properties) {
        Map<String, Object> all = new HashMap<>(testServers());
        all.put("server.port", "0");
        all.put("management.server.port", "0");
        all.put("orders.security.jwt.secret", LocalCredentials.TOKEN_SECRET);
        all.put("orders.payments.signing-secrets", LocalCredentials.PAYMENT_SECRET);
        all.put("spring.main.banner-mode", "off");
        all.putAll(properties);
        return new SpringApplicationBuilder(OrderServiceApplication.class).run(arguments(all));
    }

    /** As command-line arguments: SpringApplicationBuilder.properties() would be defaults, below application.yaml. */
    private static String[] arguments(Map<String, Object> properties) {
        return properties.entrySet().stream()
                .map(it -> "--" + it.getKey() + "=" + it.getValue())
                .toArray(String[]::new);
    }

    /** The settings that point a service at the tests' PostgreSQL, Redis and Kafka. */
    static Map<String, Object> testServers() {
        return Map.of(
                "spring.datasource.url", TestPostgres.server().jdbcUrl(),
                "spring.datasource.username", TestPostgres.server().username(),
                "spring.datasource.password", TestPostgres.server().password(),
                "spring.data.redis.host", TestRedis.host(),
                "spring.data.redis.port", TestRedis.port(),
                "spring.kafka.bootstrap-servers", TestKafka.bootstrapServers());
    }

    <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    double counter(String name) {
        var counter = bean(MeterRegistry.class).find(name).counter();
        return counter == null ? 0 : counter.count();
    }

    /**
     * The counter once it reached {@code expected}, or after {@code atMost}: the timeout worker counts a batch after
     * its commit and its acknowledgement to Redis, so the database may show the last batch done a moment before.
     */
    double counterOnceAt(String name, double expected, Duration atMost) throws InterruptedException {
        var giveUp = Instant.now().plus(atMost);
        while (counter(name) < expected && Instant.now().isBefore(giveUp)) {
            Thread.sleep(20);
        }
        return counter(name);
    }

    @Override
    public void close() {
        context.close();
    }
}
