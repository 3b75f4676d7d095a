package com.acme.orders.benchmarks.approaches;

import com.acme.orders.domain.OrderId;
import org.redisson.Redisson;
import org.redisson.api.RBlockingQueue;
import org.redisson.api.RDelayedQueue;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;
import org.redisson.config.Config;

/**
 * Redisson's delayed queue of order timeouts, {@code order-timeouts}, as both JVMs see it: the driver offers each
 * order with its delay, the service's consumers take the due ones. Elements are order ids as text
 * ({@link StringCodec}), so nothing depends on Redisson's default binary codec.
 *
 * <p>How it works, and why both sides must hold it: {@code offer} adds the element to a sorted set
 * ({@code redisson_delay_queue_timeout:{order-timeouts}}, score = due time from the offering client's clock) and to a
 * list, and publishes the new head's due time. Every client that has obtained the {@link RDelayedQueue} runs a
 * transfer task: a timer set for the head's due time runs a Lua script that moves up to 100 due elements to the
 * blocking queue ({@code RPUSH}, plus an {@code LREM} on the list that scans it from its head) and re-arms for the
 * next head, at once when it is still due. A JVM that never obtains the delayed queue transfers nothing; with none,
 * due elements wait.
 */
final class OrderTimeoutQueue implements AutoCloseable {

    static final String NAME = "order-timeouts";

    private final RedissonClient redisson;
    private final RBlockingQueue<String> due;
    private final RDelayedQueue<String> delayed;

    private OrderTimeoutQueue(RedissonClient redisson) {
        this.redisson = redisson;
        this.due = redisson.getBlockingQueue(NAME, StringCodec.INSTANCE);
        this.delayed = redisson.getDelayedQueue(due);
    }

    /** A plain Redisson client of its own (not Redisson's Spring Boot starter), on a single Redis server. */
    static OrderTimeoutQueue connect(String host, int port) {
        var config = new Config();
        config.useSingleServer().setAddress("redis://" + host + ":" + port);
        return new OrderTimeoutQueue(Redisson.create(config));
    }

    RDelayedQueue<String> delayed() {
        return delayed;
    }

    RBlockingQueue<String> due() {
        return due;
    }

    static String element(OrderId order) {
        return order.value().toString();
    }

    /** Stops this client's transfer task, then the client. */
    @Override
    public void close() {
        delayed.destroy();
        redisson.shutdown();
    }
}
