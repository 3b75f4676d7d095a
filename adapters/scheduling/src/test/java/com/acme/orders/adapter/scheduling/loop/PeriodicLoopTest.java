package com.acme.orders.adapter.scheduling.loop;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class PeriodicLoopTest {

    @Test
    void a_round_that_fails_does_not_stop_the_loop() throws InterruptedException {
        var rounds = new AtomicInteger();
        var thirdRound = new CountDownLatch(1);
        var loop = new PeriodicLoop("test-loop", Duration.ofMillis(5), () -> {
            if (rounds.incrementAndGet() >= 3) {
                thirdRound.countDown();
            }
            throw new IllegalStateException("Redis is away");
        });

        loop.start();
        boolean ranOn = thirdRound.await(10, TimeUnit.SECONDS);
        loop.stop(Duration.ofSeconds(5));

        assertThat(ranOn).isTrue();
        assertThat(loop.isRunning()).isFalse();
    }

    @Test
    void stopping_waits_for_the_round_in_progress_to_end() throws InterruptedException {
        var inRound = new CountDownLatch(1);
        var finished = new AtomicInteger();
        var loop = new PeriodicLoop("test-loop", Duration.ofMillis(5), () -> {
            inRound.countDown();
            sleep(200);
            finished.incrementAndGet();
        });

        loop.start();
        assertThat(inRound.await(10, TimeUnit.SECONDS)).isTrue();
        loop.stop(Duration.ofSeconds(5));

        assertThat(finished.get()).isGreaterThanOrEqualTo(1);
        assertThat(loop.isRunning()).isFalse();
    }

    @Test
    void a_loop_woken_up_runs_its_next_round_at_once_instead_of_after_its_pause() throws InterruptedException {
        var secondRound = new CountDownLatch(2);
        var loop = new PeriodicLoop("test-loop", Duration.ofHours(1), secondRound::countDown);

        loop.start();
        assertThat(awaitCount(secondRound, 1)).isTrue();
        loop.wakeUp();
        boolean ranAgain = secondRound.await(10, TimeUnit.SECONDS);
        loop.stop(Duration.ofSeconds(5));

        assertThat(ranAgain).isTrue();
    }

    @Test
    void a_stop_ends_a_long_pause_at_once() throws InterruptedException {
        var firstRound = new CountDownLatch(1);
        var loop = new PeriodicLoop("test-loop", Duration.ofHours(1), firstRound::countDown);

        loop.start();
        assertThat(firstRound.await(10, TimeUnit.SECONDS)).isTrue();
        loop.stop(Duration.ofSeconds(5));

        assertThat(loop.isRunning()).isFalse();
    }

    private static boolean awaitCount(CountDownLatch latch, long count) throws InterruptedException {
        for (int i = 0; i < 1_000 && latch.getCount() > count; i++) {
            Thread.sleep(10);
        }
        return latch.getCount() <= count;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
