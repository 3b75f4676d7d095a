package com.acme.orders.adapter.rest.console;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.distribution.CountAtBucket;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * The cancellation lag of the last minutes, window by window, read from the timer the timeout worker records
 * ({@code orders.timeout.lag}) as Prometheus reads it: a sample of its cumulative histogram every window, and the
 * difference between two samples for the window between them. So the console shows the same figures as the dashboard,
 * for this instance, without a Prometheus; the dashboard remains the place for the sum over instances.
 */
public final class CancellationLagHistory implements AutoCloseable {

    static final String TIMER = "orders.timeout.lag";
    static final Duration WINDOW = Duration.ofSeconds(10);
    static final int WINDOWS = 90;

    private final MeterRegistry meters;
    private final Clock clock;
    private final Deque<Sample> samples = new ArrayDeque<>();
    private final ScheduledExecutorService sampler;

    public CancellationLagHistory(MeterRegistry meters, Clock clock) {
        this.meters = meters;
        this.clock = clock;
        this.sampler = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("console-lag-sampler").daemon().factory());
        sampler.scheduleAtFixedRate(this::sample, 0, WINDOW.toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * @param cancelled cancellations the worker committed in the window
     * @param meanMillis their mean lag; zero when there were none
     * @param p99Millis the upper bound of the histogram bucket that holds their 99th percentile; zero when none
     */
    public record Window(Instant endedAt, long cancelled, double meanMillis, double p99Millis) {}

    /** False when this instance runs no timeout worker: no window will ever count a cancellation. */
    public boolean recorded() {
        return timer() != null;
    }

    /** The windows of the last {@code WINDOWS * WINDOW}, oldest first. */
    public synchronized List<Window> windows() {
        List<Window> windows = new ArrayList<>();
        Sample previous = null;
        for (Sample sample : samples) {
            if (previous != null) {
                windows.add(sample.since(previous));
            }
            previous = sample;
        }
        return windows;
    }

    synchronized void sample() {
        Timer timer = timer();
        var snapshot = timer == null ? null : timer.takeSnapshot();
        var buckets = snapshot == null ? new CountAtBucket[0] : snapshot.histogramCounts();
        samples.addLast(new Sample(
                clock.instant(),
                snapshot == null ? 0 : snapshot.count(),
                snapshot == null ? 0 : snapshot.total(TimeUnit.MILLISECONDS),
                buckets));
        while (samples.size() > WINDOWS + 1) {
            samples.removeFirst();
        }
    }

    private @Nullable Timer timer() {
        return meters.find(TIMER).timer();
    }

    @Override
    public void close() {
        sampler.shutdownNow();
    }

    /** The timer's cumulative figures at one instant. */
    private record Sample(Instant at, long count, double totalMillis, CountAtBucket[] buckets) {

        Window since(Sample earlier) {
            long cancelled = count - earlier.count;
            // A timer that appeared or was reset between the two samples: nothing to tell about this window.
            if (cancelled <= 0 || buckets.length != earlier.buckets.length) {
                return new Window(at, Math.max(cancelled, 0), 0, 0);
            }
            double p99 = 0;
            for (int i = 0; i < buckets.length; i++) {
                double within = buckets[i].count() - earlier.buckets[i].count();
                if (within >= 0.99 * cancelled) {
                    p99 = buckets[i].bucket(TimeUnit.MILLISECONDS);
                    break;
                }
            }
            if (p99 == 0 && buckets.length > 0) {
                // Above the last bucket: the last bound is the most that can be said.
                p99 = buckets[buckets.length - 1].bucket(TimeUnit.MILLISECONDS);
            }
            return new Window(at, cancelled, (totalMillis - earlier.totalMillis) / cancelled, p99);
        }
    }
}
