package com.acme.orders.benchmarks.approaches;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * The threads of a competitor's trigger: each runs {@code round} again and again and pauses after a round that
 * answered false (nothing more to do right now): {@code pause} after its end, or, at a fixed rate, until {@code pause}
 * after its start (as a cron job fires: a round that overran is followed at once by the next). A round that throws is
 * logged and retried after the pause, so one failed transaction never ends the trigger. Started with the context,
 * after every bean is ready; stopped before the database pool closes, after the rounds in flight (a round is never
 * interrupted inside a transaction).
 */
class WorkerThreads implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(WorkerThreads.class);

    private final String name;
    private final int count;
    private final Duration pause;
    private final boolean fixedRate;
    private final BooleanSupplier round;
    private final CountDownLatch stopping = new CountDownLatch(1);
    private final List<Thread> threads = new ArrayList<>();

    /** @param round does one unit of work; true when more is waiting and the next round should start at once */
    WorkerThreads(String name, int count, Duration pause, boolean fixedRate, BooleanSupplier round) {
        if (count < 1 || !pause.isPositive()) {
            throw new IllegalArgumentException(name + ": at least one thread and a positive pause");
        }
        this.name = name;
        this.count = count;
        this.pause = pause;
        this.fixedRate = fixedRate;
        this.round = round;
    }

    @Override
    public synchronized void start() {
        if (threads.isEmpty()) {
            for (int i = 0; i < count; i++) {
                threads.add(
                        Thread.ofPlatform().name(name + "-" + i).daemon(true).start(this::run));
            }
            log.info("{}: {} thread(s) started", name, count);
        }
    }

    @Override
    public void stop() {
        stopping.countDown();
        for (Thread thread : threads) {
            try {
                thread.join(Duration.ofSeconds(30));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    @Override
    public boolean isRunning() {
        return threads.stream().anyMatch(Thread::isAlive);
    }

    boolean stopRequested() {
        return stopping.getCount() == 0;
    }

    private void run() {
        while (!stopRequested()) {
            long started = System.nanoTime();
            boolean more = false;
            try {
                more = round.getAsBoolean();
            } catch (RuntimeException e) {
                log.warn("{} round failed, trying again after the pause", name, e);
            }
            long wait = fixedRate ? pause.toNanos() - (System.nanoTime() - started) : pause.toNanos();
            if (!more && wait > 0) {
                try {
                    if (stopping.await(wait, TimeUnit.NANOSECONDS)) {
                        return;
                    }
                } catch (InterruptedException e) {
                    return;
                }
            }
        }
    }
}
