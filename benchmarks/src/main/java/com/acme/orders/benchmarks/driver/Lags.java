package com.acme.orders.benchmarks.driver;

import org.HdrHistogram.Histogram;

/**
 * A latency distribution in milliseconds (recorded in microseconds, 3 significant digits). A value below zero, which
 * only clock granularity can produce here, counts as zero.
 */
final class Lags {

    private final Histogram histogram = new Histogram(3_600_000_000L, 3);

    synchronized void record(long micros) {
        histogram.recordValue(Math.max(0, Math.min(micros, histogram.getHighestTrackableValue())));
    }

    synchronized Summary summary() {
        if (histogram.getTotalCount() == 0) {
            return Summary.NONE;
        }
        return new Summary(
                histogram.getTotalCount(),
                millis(histogram.getValueAtPercentile(50)),
                millis(histogram.getValueAtPercentile(99)),
                millis(histogram.getValueAtPercentile(99.9)),
                millis(histogram.getMaxValue()));
    }

    private static double millis(long micros) {
        return micros / 1_000.0;
    }

    record Summary(long count, double p50, double p99, double p999, double max) {
        static final Summary NONE = new Summary(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
    }
}
