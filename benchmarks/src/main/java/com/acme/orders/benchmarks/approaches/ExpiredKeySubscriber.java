package com.acme.orders.benchmarks.approaches;

import com.acme.orders.application.deadline.ExpireOrder;
import com.acme.orders.domain.OrderId;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.data.redis.connection.RedisConnection;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.listener.ChannelTopic;
import org.springframework.data.redis.listener.RedisMessageListenerContainer;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/**
 * Seeds 001 and 002: every unpaid order has a key {@code order:ttl:<id>} that expires at its deadline; a subscriber
 * to {@code __keyevent@0__:expired} expires the order named in each event. Spring Data Redis's listener container
 * hands each event to a pool of {@code threads} that run {@link ExpireOrder#expire}; its queue is unbounded, so a
 * burst waits rather than being dropped.
 *
 * <p>What it cannot fix, and the benchmark measures: Redis sends the event when it deletes the key, which for a key
 * nobody reads is its active expiry cycle (a sample of keys with a time to live, {@code hz} times a second), possibly
 * well after the deadline when many keys expire at once; and pub/sub is fire-and-forget: an event sent while this
 * JVM is not subscribed (restart, reconnect, a subscriber too slow for its output buffer) is lost, and the order stays
 * unpaid for good.
 */
final class ExpiredKeySubscriber implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ExpiredKeySubscriber.class);
    /** Database 0, the one Spring Boot's client uses unless {@code spring.data.redis.database} says otherwise. */
    static final String EXPIRED_EVENTS = "__keyevent@0__:expired";

    private final RedisConnectionFactory connections;
    private final ExpireOrder expireOrder;
    private final int threads;
    private @Nullable RedisMessageListenerContainer container;
    private @Nullable ThreadPoolTaskExecutor executor;

    ExpiredKeySubscriber(RedisConnectionFactory connections, ExpireOrder expireOrder, int threads) {
        this.connections = connections;
        this.expireOrder = expireOrder;
        this.threads = threads;
    }

    @Override
    public synchronized void start() {
        if (container != null) {
            return;
        }
        enableExpiredEvents();
        executor = new ThreadPoolTaskExecutor();
        executor.setCorePoolSize(threads);
        executor.setMaxPoolSize(threads);
        executor.setThreadNamePrefix("keyspace-expire-");
        executor.setWaitForTasksToCompleteOnShutdown(true);
        executor.setAwaitTerminationSeconds(30);
        executor.initialize();
        container = new RedisMessageListenerContainer();
        container.setConnectionFactory(connections);
        container.setTaskExecutor(executor);
        container.addMessageListener(
                (message, pattern) -> expire(new String(message.getBody(), StandardCharsets.UTF_8)),
                new ChannelTopic(EXPIRED_EVENTS));
        container.afterPropertiesSet();
        // Returns once the subscription is confirmed: keys expiring from now on are heard.
        container.start();
        log.info("keyspace: subscribed to {} with {} cancelling threads", EXPIRED_EVENTS, threads);
    }

    /** As the seeds do: {@code notify-keyspace-events Ex}, keyevent notifications of expired keys only. */
    private void enableExpiredEvents() {
        try (RedisConnection connection = connections.getConnection()) {
            connection.serverCommands().setConfig("notify-keyspace-events", "Ex");
            Properties now = connection.serverCommands().getConfig("notify-keyspace-events");
            log.info("keyspace: notify-keyspace-events is now {}", now);
        }
    }

    private void expire(String key) {
        OrderId order = ExpiringKeys.KEYSPACE.orderOf(key);
        if (order == null) {
            return;
        }
        try {
            expireOrder.expire(order);
        } catch (RuntimeException e) {
            // Nothing will ever tell us about this order again: the event is gone. That is the approach.
            log.warn("keyspace: order {} not expired, and its event is gone: {}", order, e.toString());
        }
    }

    @Override
    public synchronized void stop() {
        if (container == null) {
            return;
        }
        try {
            container.stop();
            container.destroy();
        } catch (Exception e) {
            log.warn("keyspace: listener container did not stop cleanly", e);
        }
        // Lets the cancellations already handed over finish, before the database pool closes.
        if (executor != null) {
            executor.shutdown();
        }
        container = null;
    }

    @Override
    public synchronized boolean isRunning() {
        return container != null;
    }
}
