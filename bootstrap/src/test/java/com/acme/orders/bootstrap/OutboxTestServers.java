package com.acme.orders.bootstrap;

import com.acme.orders.adapter.postgres.TestPostgres;
import com.acme.orders.adapter.redis.TestRedis;
import com.acme.orders.application.change.port.Transactions;
import com.acme.orders.application.outbox.RelayOutbox;
import com.acme.orders.application.outbox.port.EventBroker;
import com.acme.orders.application.outbox.port.OutboxSignal;
import com.acme.orders.application.outbox.port.PendingEvents;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistrar;

/**
 * The service against a real PostgreSQL and a real Kafka broker. The background relay is off in these tests: each
 * test starts, stops, crashes and doubles relays itself, built from the service's own ports.
 */
@TestConfiguration(proxyBeanMethods = false)
class OutboxTestServers {

    @Bean
    static DynamicPropertyRegistrar servers() {
        return registry -> {
            TestPostgres.addDataSourceProperties(registry);
            TestKafka.addProperties(registry);
            TestRedis.addRedisProperties(registry);
            // The service refuses to start without them, web server or not.
            registry.add("orders.security.jwt.secret", () -> LocalCredentials.TOKEN_SECRET);
            registry.add("orders.payments.signing-secrets", () -> LocalCredentials.PAYMENT_SECRET);
        };
    }

    @Bean
    Relays relays(
            PendingEvents outbox,
            EventBroker broker,
            OutboxSignal signal,
            Transactions transactions,
            JdbcTemplate jdbc) {
        return new Relays(outbox, broker, signal, transactions, jdbc);
    }

    /** Relay loops on their own threads, as the service runs them, and what the tests wait for. */
    static final class Relays {

        static final RelayOutbox.Settings FAST = new RelayOutbox.Settings(
                100, 10, Duration.ofMillis(200), Duration.ofMillis(100), Duration.ofSeconds(2), Duration.ZERO);

        private final PendingEvents outbox;
        private final EventBroker broker;
        private final OutboxSignal signal;
        private final Transactions transactions;
        private final JdbcTemplate jdbc;
        private final List<Thread> running = new ArrayList<>();
        private volatile boolean stopping;

        Relays(
                PendingEvents outbox,
                EventBroker broker,
                OutboxSignal signal,
                Transactions transactions,
                JdbcTemplate jdbc) {
            this.outbox = outbox;
            this.broker = broker;
            this.signal = signal;
            this.transactions = transactions;
            this.jdbc = jdbc;
        }

        RelayOutbox relay(EventBroker broker, RelayOutbox.Settings settings) {
            return new RelayOutbox(outbox, broker, signal, transactions, settings, Clock.systemUTC());
        }

        RelayOutbox relay() {
            return relay(broker, FAST);
        }

        synchronized void start(int count) {
            start(count, FAST);
        }

        synchronized void start(int count, RelayOutbox.Settings settings) {
            stopping = false;
            for (int i = 0; i < count; i++) {
                var relay = relay(broker, settings);
                running.add(Thread.ofPlatform().name("test-relay-" + i).start(() -> {
                    try {
                        relay.relayWhileRunning(() -> !stopping);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }));
            }
        }

        synchronized void stopAll() throws InterruptedException {
            stopping = true;
            for (var thread : running) {
                thread.interrupt();
                thread.join();
            }
            running.clear();
        }

        int waiting() {
            return jdbc.queryForObject("select count(*) from outbox where parked_at is null", Integer.class);
        }

        void awaitOutboxEmpty(Duration atMost) throws InterruptedException {
            long deadline = System.nanoTime() + atMost.toNanos();
            while (waiting() > 0) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError(waiting() + " events still in the outbox after " + atMost);
                }
                Thread.sleep(50);
            }
        }

        void deleteAll() {
            jdbc.update("delete from outbox");
        }
    }
}
