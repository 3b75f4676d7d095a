package com.acme.orders.benchmarks.driver;

import com.acme.orders.benchmarks.Approach;
import java.util.List;

/**
 * One expiry run: {@code due} orders falling due at {@code rate} per second next to {@code backlog} unpaid orders due
 * much later. {@code sustainedPerSecond}: cancellations committed while deadlines kept arriving (after the first
 * second), per second: the rate itself when the approach keeps up, its capacity when it does not. {@code customers}:
 * the front-door load that ran beside the wave, if any ({@link CustomersBeside}).
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
        String note,
        List<FrontDoorLoad.Result> customers) {}
