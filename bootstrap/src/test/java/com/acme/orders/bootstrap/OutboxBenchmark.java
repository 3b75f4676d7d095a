package com.acme.orders.bootstrap;

import com.acme.orders.application.CancelOrder;
import com.acme.orders.application.ConfirmPayment;
import com.acme.orders.application.PlaceOrder;
import com.acme.orders.application.RelayOutbox;
import com.acme.orders.bootstrap.OutboxTestServers.Relays;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.distribution.ValueAtPercentile;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Not a test: a measurement on the real embedded PostgreSQL and Kafka, run on demand only (skipped unless
 * {@code -Dbenchmark=true}): {@code ./mvnw -B -pl bootstrap -am verify -Dtest=OutboxBenchmark -Dbenchmark=true
 * -Dsurefire.failIfNoSpecifiedTests=false}.
 * Prints relay throughput (draining a backlog) and commit-to-Kafka latency p50/p99 (under a steady load of orders).
 */
@OutboxServiceTest
@EnabledIfSystemProperty(named = "benchmark", matches = "true")
class OutboxBenchmark {

    private static final int BACKLOG_ORDERS = Integer.getInteger("benchmark.backlog-orders", 3_000);
    private static final int LOAD_ORDERS = Integer.getInteger("benchmark.load-orders", 2_000);
    private static final int CUSTOMERS = 8;

    @Autowired
    PlaceOrder placeOrder;
    @Autowired
    ConfirmPayment confirmPayment;
    @Autowired
    CancelOrder cancelOrder;
    @Autowired
    Relays relays;
    @Autowired
    MeterRegistry meters;

    @Test
    void measure() throws Exception {
        relays.deleteAll();
        // Latency first, so that the timer's window holds only events committed under a steady load.
        var timer = meters.find("orders.outbox.commit.to.publish").timer();
        relays.start(1, RelayOutbox.Settings.DEFAULTS);
        var load = new OrderEvents(placeOrder, confirmPayment, cancelOrder);
        long loadStart = System.nanoTime();
        runCustomers(load, LOAD_ORDERS);
        relays.awaitOutboxEmpty(Duration.ofMinutes(10));
        double loadSeconds = (System.nanoTime() - loadStart) / 1e9;
        relays.stopAll();
        System.out.printf("%nOUTBOX BENCHMARK under load: %d events from %d concurrent customers in %.2f s (%.0f events/s "
                + "committed and published)%n", load.count(), CUSTOMERS, loadSeconds, load.count() / loadSeconds);
        printLatency(timer);

        var backlog = new OrderEvents(placeOrder, confirmPayment, cancelOrder);
        runCustomers(backlog, BACKLOG_ORDERS);
        int events = relays.waiting();
        long start = System.nanoTime();
        relays.start(1, RelayOutbox.Settings.DEFAULTS);
        relays.awaitOutboxEmpty(Duration.ofMinutes(10));
        double seconds = (System.nanoTime() - start) / 1e9;
        relays.stopAll();
        System.out.printf("OUTBOX BENCHMARK relay throughput: a backlog of %d events drained in %.2f s = %.0f events/s "
                + "(batches of %d)%n", events, seconds, events / seconds, RelayOutbox.Settings.DEFAULTS.batchSize());
    }

    private void runCustomers(OrderEvents activity, int orders) throws Exception {
        try (var pool = Executors.newFixedThreadPool(CUSTOMERS)) {
            IntStream.range(0, orders).forEach(n -> pool.submit(() -> activity.placeAndSettle(n)));
            pool.shutdown();
            pool.awaitTermination(10, TimeUnit.MINUTES);
        }
    }

    private static void printLatency(Timer timer) {
        System.out.printf("OUTBOX BENCHMARK commit-to-Kafka latency of %d events: ", timer.count());
        for (ValueAtPercentile percentile : timer.takeSnapshot().percentileValues()) {
            System.out.printf("p%.0f = %.1f ms  ", percentile.percentile() * 100, percentile.value(TimeUnit.MILLISECONDS));
        }
        System.out.printf("(max %.1f ms)%n", timer.max(TimeUnit.MILLISECONDS));
    }
}
