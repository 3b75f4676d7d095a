package com.acme.orders.benchmarks.driver;

import java.time.Instant;

final class Clocks {

    private Clocks() {}

    static long nowMicros() {
        return micros(Instant.now());
    }

    static long micros(Instant instant) {
        return instant.getEpochSecond() * 1_000_000 + instant.getNano() / 1_000;
    }
}
