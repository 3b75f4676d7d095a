package com.acme.orders.benchmarks.approaches;

import com.acme.orders.application.deadline.ExpireOrder;
import com.acme.orders.domain.OrderId;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Redisson's {@code RDelayedQueue} as its users consume it: {@code consumers} threads each pop the next due order id
 * from the blocking queue and expire it. The pop is not acknowledged: an order popped by a JVM that dies before its
 * commit is lost to the queue (the approach has no sweeper). This JVM also obtains the delayed queue, so that its
 * transfer task moves due elements even when the driver's client is gone ({@link OrderTimeoutQueue}).
 *
 * <p>A timed pop ({@code BLPOP} with a one-second timeout) rather than {@code take()}: it returns as soon as an
 * element arrives, just like {@code take()}, and lets a consumer notice a stop request between pops without being
 * interrupted in the middle of a transaction.
 */
final class DelayedQueueConsumers implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(DelayedQueueConsumers.class);
    private static final Duration POP_TIMEOUT = Duration.ofSeconds(1);

    private final String host;
    private final int port;
    private final ExpireOrder expireOrder;
    private final WorkerThreads consumers;
    private volatile @Nullable OrderTimeoutQueue queue;

    DelayedQueueConsumers(String host, int port, ExpireOrder expireOrder, int consumers) {
        this.host = host;
        this.port = port;
        this.expireOrder = expireOrder;
        // The pause only follows a failed pop (Redis away): an empty pop has already waited.
        this.consumers = new WorkerThreads("redisson-consumer", consumers, POP_TIMEOUT, false, this::expireNext);
    }

    private boolean expireNext() {
        OrderTimeoutQueue started = queue;
        if (started == null) {
            return false;
        }
        String element;
        try {
            element = started.due().poll(POP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
        if (element != null) {
            try {
                expireOrder.expire(OrderId.of(element));
            } catch (RuntimeException e) {
                // Popped and not done: the queue has forgotten it. That is the approach.
                log.warn(
                        "redisson: order {} popped but not expired, and the queue no longer holds it: {}",
                        element,
                        e.toString());
            }
        }
        return true;
    }

    @Override
    public synchronized void start() {
        if (queue == null) {
            queue = OrderTimeoutQueue.connect(host, port);
            consumers.start();
        }
    }

    @Override
    public synchronized void stop() {
        if (queue != null) {
            consumers.stop();
            queue.close();
            queue = null;
        }
    }

    @Override
    public boolean isRunning() {
        return queue != null;
    }
}
