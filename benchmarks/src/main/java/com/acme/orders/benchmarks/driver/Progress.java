package com.acme.orders.benchmarks.driver;

import java.time.Duration;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;

/** The progress display: one line per step, so that it reads the same on a terminal and in a captured log. */
final class Progress {

    private final long start = System.nanoTime();

    void stage(String run, String message) {
        System.out.printf(
                "[%s +%s] %s: %s%n", LocalTime.now().truncatedTo(ChronoUnit.SECONDS), elapsed(), run, message);
    }

    String elapsed() {
        var elapsed = Duration.ofNanos(System.nanoTime() - start);
        return String.format("%d:%02d", elapsed.toMinutes(), elapsed.toSecondsPart());
    }
}
