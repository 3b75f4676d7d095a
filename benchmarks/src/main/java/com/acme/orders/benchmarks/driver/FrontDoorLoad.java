package com.acme.orders.benchmarks.driver;

import java.time.Duration;
import java.util.ArrayList;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongFunction;

/**
 * Load on one endpoint of the service, in one of two models.
 *
 * <p><b>Closed</b>: {@code clients} clients, each on its own connection, send one request after another as fast as the
 * service answers; a client refused with {@code 503} waits the {@code Retry-After} second before it sends again. The
 * rate is what the service sustains at that concurrency; latency is from send to answer.
 *
 * <p><b>Open</b>: requests are due at a constant rate, whatever the service does, and each is sent at its due time on
 * an idle connection (a new one when none is idle). Latency is measured from the <em>due</em> time, so a service that
 * stalls cannot hide the queue that builds up behind it (no coordinated omission): a request that had to wait for a
 * connection, or that the driver itself sent late, counts its wait.
 *
 * <p>Answers with the expected status count as served; 503 (the service refusing work it cannot take: the in-flight
 * limit, a database pool that stays busy) counts as refused, with its latency kept apart; anything else as failed.
 */
final class FrontDoorLoad {

    /** More connections than the service accepts requests in flight: beyond them, waiting is the service's doing. */
    static final int MAX_OPEN_CONNECTIONS = 1_024;

    record Result(
            String workload,
            String model,
            int level,
            double seconds,
            long served,
            long refused,
            long failed,
            Lags.Summary latency,
            Lags.Summary refusedLatency) {

        double servedPerSecond() {
            return served / seconds;
        }
    }

    private final int port;
    private final int expectedStatus;

    FrontDoorLoad(int port, int expectedStatus) {
        this.port = port;
        this.expectedStatus = expectedStatus;
    }

    /** {@code requests} gets the number of the request (from 0, over all clients) and gives its bytes. */
    Result closed(String workload, int clients, Duration duration, LongFunction<byte[]> requests)
            throws InterruptedException {
        var tally = new Tally();
        var sequence = new AtomicLong();
        long start = System.nanoTime();
        long end = start + duration.toNanos();
        var threads = new ArrayList<Thread>();
        for (int i = 0; i < clients; i++) {
            threads.add(Thread.ofVirtual().start(() -> {
                HttpConnection connection = null;
                while (System.nanoTime() < end) {
                    byte[] request = requests.apply(sequence.getAndIncrement());
                    long sent = System.nanoTime();
                    try {
                        if (connection == null || !connection.isOpen()) {
                            connection = new HttpConnection(port);
                        }
                        int status = connection.send(request).status();
                        tally.answer(status, sent);
                        if (status == 503) {
                            // As a well-behaved client does: the service's Retry-After is one second.
                            Thread.sleep(Math.max(0, Math.min(1_000, (end - System.nanoTime()) / 1_000_000)));
                        }
                    } catch (Exception e) {
                        tally.failure();
                        if (connection != null) {
                            connection.close();
                        }
                        connection = null;
                    }
                }
                if (connection != null) {
                    connection.close();
                }
            }));
        }
        for (Thread it : threads) {
            it.join();
        }
        return tally.result(workload, "closed", clients, (System.nanoTime() - start) / 1e9);
    }

    Result open(String workload, int rate, Duration duration, LongFunction<byte[]> requests)
            throws InterruptedException {
        var tally = new Tally();
        var idle = new ConcurrentLinkedQueue<HttpConnection>();
        var connections = new java.util.concurrent.Semaphore(MAX_OPEN_CONNECTIONS);
        long count = rate * duration.toSeconds();
        var outstanding = new CountDownLatch((int) count);
        long start = System.nanoTime() + 20_000_000L;
        for (long i = 0; i < count; i++) {
            long due = start + i * 1_000_000_000L / rate;
            long wait;
            while ((wait = due - System.nanoTime()) > 0) {
                LockSupport.parkNanos(wait);
            }
            byte[] request = requests.apply(i);
            Thread.ofVirtual().start(() -> {
                try {
                    HttpConnection connection = idle.poll();
                    if (connection == null) {
                        connections.acquire();
                        connection = idle.poll();
                        if (connection == null) {
                            connection = new HttpConnection(port);
                        } else {
                            connections.release();
                        }
                    }
                    try {
                        tally.answer(connection.send(request).status(), due);
                        if (connection.isOpen()) {
                            idle.offer(connection);
                        } else {
                            connections.release();
                        }
                    } catch (Exception e) {
                        connection.close();
                        connections.release();
                        tally.failure();
                    }
                } catch (Exception e) {
                    tally.failure();
                } finally {
                    outstanding.countDown();
                }
            });
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        // What is still being answered belongs to the run: its latency grows while we wait for it.
        if (!outstanding.await(60, TimeUnit.SECONDS)) {
            tally.failures.addAndGet(outstanding.getCount());
        }
        HttpConnection it;
        while ((it = idle.poll()) != null) {
            it.close();
        }
        return tally.result(workload, "open", rate, seconds);
    }

    private final class Tally {
        private final AtomicLong served = new AtomicLong();
        private final AtomicLong refused = new AtomicLong();
        private final AtomicLong failures = new AtomicLong();
        private final Lags latency = new Lags();
        private final Lags refusedLatency = new Lags();

        void answer(int status, long since) {
            long micros = (System.nanoTime() - since) / 1_000;
            if (status == expectedStatus) {
                served.incrementAndGet();
                latency.record(micros);
            } else if (status == 503) {
                refused.incrementAndGet();
                refusedLatency.record(micros);
            } else {
                failures.incrementAndGet();
            }
        }

        void failure() {
            failures.incrementAndGet();
        }

        Result result(String workload, String model, int level, double seconds) {
            return new Result(
                    workload,
                    model,
                    level,
                    seconds,
                    served.get(),
                    refused.get(),
                    failures.get(),
                    latency.summary(),
                    refusedLatency.summary());
        }
    }
}
