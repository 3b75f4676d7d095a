package com.acme.orders.adapter.scheduling.loop;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a task again and again on its own thread, pausing a jittered interval in between, until stopped. A task that
 * throws is logged and run again after the next pause: one bad round (Redis away, a failed transaction) must never
 * stop the loop for good, which is how sweepers die in the systems we learned from. Stopping never interrupts a
 * round in the middle of a transaction; it waits for the round to end.
 */
public final class PeriodicLoop {

    private static final Logger log = LoggerFactory.getLogger(PeriodicLoop.class);

    private final String name;
    private final Duration interval;
    private final Runnable task;
    private final CountDownLatch stopping = new CountDownLatch(1);
    /** Permits to skip a pause: at most one is kept, however often the loop is woken during a round. */
    private final Semaphore wakeUps = new Semaphore(0);

    private volatile @Nullable Thread thread;

    public PeriodicLoop(String name, Duration interval, Runnable task) {
        this.name = name;
        this.interval = interval;
        this.task = task;
    }

    public synchronized void start() {
        if (thread == null) {
            thread = Thread.ofPlatform().name(name).daemon(true).start(this::run);
        }
    }

    /** Asks the loop to end after the current round, without waiting for it. */
    public void requestStop() {
        stopping.countDown();
        wakeUps.release();
    }

    /** Ends the current pause at once, or the next one when a round is running: something needs a round now. */
    public void wakeUp() {
        if (wakeUps.availablePermits() == 0) {
            wakeUps.release();
        }
    }

    /** Ends the loop after the current round, waiting at most {@code timeout} for it. */
    public void stop(Duration timeout) {
        requestStop();
        Thread running = thread;
        if (running != null) {
            try {
                running.join(timeout);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    public boolean isRunning() {
        Thread running = thread;
        return running != null && running.isAlive();
    }

    public boolean stopRequested() {
        return stopping.getCount() == 0;
    }

    private void run() {
        while (!stopRequested()) {
            try {
                task.run();
            } catch (RuntimeException e) {
                log.warn("{} round failed, trying again after the next pause", name, e);
            }
            try {
                wakeUps.tryAcquire(jittered(), TimeUnit.NANOSECONDS);
                wakeUps.drainPermits();
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** Between half and one and a half intervals: the mean stays the interval, instances never poll in lockstep. */
    private long jittered() {
        long nanos = interval.toNanos();
        return nanos / 2 + ThreadLocalRandom.current().nextLong(nanos + 1);
    }
}
