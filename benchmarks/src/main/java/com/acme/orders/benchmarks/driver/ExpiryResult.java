package com.acme.orders.benchmarks.driver;

import com.acme.orders.benchmarks.Approach;
import java.util.List;

/**
 * One expiry run: {@code due} orders falling due at {@code rate} per second next to {@code backlog} unpaid orders due
 * much later. {@code sustainedPerSecond}: cancellations committed while deadlines kept arriving (after the first
 * second), per second: the rate itself when the approach keeps up, its capacity when it does not. {@code customers}:
 * the front-door load that ran beside the wave, if any ({@link CustomersBeside}); {@code loss}: a Redis flush in the
 * middle of the wave, if any; {@code bytesAllocatedPerCancellation}: what the service's JVM allocated from just before
 * the first deadline until the run ended, divided by the orders it cancelled (NaN when it could not be read).
 */
record ExpiryResult(
        String workload,
        Approach approach,
        int rate,
        int backlog,
        int due,
        long cancelled,
        double sustainedPerSecond,
        Lags.Summary commitLag,
        Lags.Summary kafkaLag,
        long unsettled,
        long doubleTerminal,
        double redisBytesPerPending,
        double bytesAllocatedPerCancellation,
        String note,
        List<FrontDoorLoad.Result> customers,
        Loss loss) {

    /**
     * Redis lost its data in the middle of the wave ({@link ExpiryRun#FLUSH}): how long after the first deadline, how
     * long the index took to hold every unpaid order again (from the flush until the service's rebuilt marker was
     * back), and the lag of the orders due from the flush on, which fell due while the index was lost or rebuilt.
     */
    record Loss(double flushedAfterSeconds, double rebuildSeconds, long dueAfter, Lags.Summary lagAfter) {

        static final Loss NONE = new Loss(Double.NaN, Double.NaN, 0, Lags.Summary.NONE);
    }
}
