package com.acme.orders.benchmarks.approaches;

import com.acme.orders.adapter.redis.deadline.RedisDeadlineIndex;
import com.acme.orders.application.deadline.port.PendingDeadline;
import com.acme.orders.benchmarks.Approach;
import com.acme.orders.benchmarks.servers.Servers;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.List;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

/** The {@link DeadlineTracking} of each approach, for the driver's JVM. */
public final class DeadlineTrackings {

    /**
     * The shard count of the service's deadline index as it ships ({@code orders.timeouts.shards} in
     * {@code application.yaml}, default of {@code DeadlineProperties}); the driver must not start the service with
     * another count, or the index entries land on keys its worker never polls.
     */
    public static final int SERVICE_SHARDS = 16;

    /** How long bulk writes may take per batch before the driver is told something is wrong. */
    static final Duration BATCH_TIMEOUT = Duration.ofMinutes(1);
    /** Commands sent before waiting for their replies: enough to keep the connection full, bounded in memory. */
    static final int PIPELINE = 10_000;

    private DeadlineTrackings() {}

    public static DeadlineTracking of(Approach approach, Servers servers) {
        return switch (approach) {
            case SERVICE -> deadlineIndex(servers.redisHost(), servers.redisPort());
            case SCAN -> new ExpiringKeyTracking(ExpiringKeys.SCAN, servers.redisHost(), servers.redisPort());
            case KEYSPACE -> new ExpiringKeyTracking(ExpiringKeys.KEYSPACE, servers.redisHost(), servers.redisPort());
            case SKIP_LOCKED -> nothing();
            case REDISSON -> new DelayedQueueTracking(servers.redisHost(), servers.redisPort());
        };
    }

    /** What {@code PlaceOrder} writes after its commit, in the service's own bulk form ({@code trackAll}). */
    private static DeadlineTracking deadlineIndex(String host, int port) {
        var connections = new LettuceConnectionFactory(new RedisStandaloneConfiguration(host, port));
        connections.afterPropertiesSet();
        connections.start();
        var index = new RedisDeadlineIndex(connections, SERVICE_SHARDS, new SimpleMeterRegistry());
        return new DeadlineTracking() {
            @Override
            public void track(List<PendingDeadline> orders) {
                index.trackAll(orders);
            }

            @Override
            public void close() {
                connections.destroy();
            }
        };
    }

    /** The database poll needs nothing beside the order row and its partial index. */
    private static DeadlineTracking nothing() {
        return new DeadlineTracking() {
            @Override
            public void track(List<PendingDeadline> orders) {}

            @Override
            public void close() {}
        };
    }
}
