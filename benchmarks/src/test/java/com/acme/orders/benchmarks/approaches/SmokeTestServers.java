package com.acme.orders.benchmarks.approaches;

import com.acme.orders.adapter.postgres.TestPostgres;
import com.acme.orders.adapter.redis.TestRedis;
import com.acme.orders.benchmarks.servers.Servers;
import java.util.concurrent.CompletableFuture;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * The real servers of the smoke tests, started once per JVM: the adapters' embedded PostgreSQL and Redis and one
 * KRaft broker in this JVM, handed around as the driver hands its {@link Servers} to the JVMs it starts.
 */
final class SmokeTestServers {

    private static Servers servers;

    private SmokeTestServers() {}

    /** Started on first use, not in a static initializer: its lambdas could not run elsewhere before it ends. */
    static synchronized Servers servers() {
        if (servers == null) {
            servers = start();
        }
        return servers;
    }

    private static Servers start() {
        // Side by side: the broker takes seconds to start, PostgreSQL too.
        var kafka = CompletableFuture.supplyAsync(() -> {
            var broker = new EmbeddedKafkaKraftBroker(1, 1);
            broker.afterPropertiesSet();
            Runtime.getRuntime().addShutdownHook(new Thread(broker::destroy));
            return broker;
        });
        var postgres = TestPostgres.server();
        int redisPort = TestRedis.port();
        return new Servers(
                postgres.jdbcUrl(),
                postgres.username(),
                postgres.password(),
                TestRedis.host(),
                redisPort,
                kafka.join().getBrokersAsString());
    }
}
