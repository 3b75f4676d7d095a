package com.acme.orders.benchmarks.approaches;

import com.acme.orders.adapter.redis.TestRedis;
import com.acme.orders.application.deadline.port.PendingDeadline;
import com.acme.orders.benchmarks.Approach;
import com.acme.orders.benchmarks.servers.Servers;
import com.acme.orders.domain.OrderId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Not a test: how fast each approach's {@link DeadlineTracking} writes what placing {@code count} orders would have
 * written, on the embedded Redis; run on demand only: {@code ./mvnw -B -pl benchmarks verify
 * -Dtest=DeadlineTrackingThroughput -Dbenchmark=true -Dbenchmark.tracked=1000000}. The orders fall due over the next
 * hour in placement order, as they would with a fixed payment window.
 */
@EnabledIfSystemProperty(named = "benchmark", matches = "true")
class DeadlineTrackingThroughput {

    private static final int COUNT = Integer.getInteger("benchmark.tracked", 1_000_000);

    @ParameterizedTest(name = "{0}")
    @EnumSource(Approach.class)
    void tracks(Approach approach) {
        TestRedis.flushAll();
        var start = Instant.now().plus(Duration.ofMinutes(30));
        List<PendingDeadline> orders = IntStream.range(0, COUNT)
                .mapToObj(i -> new PendingDeadline(OrderId.newId(), start.plusMillis(i * 3_600_000L / COUNT)))
                .toList();
        var servers = new Servers(null, null, null, TestRedis.host(), TestRedis.port(), null);
        long began = System.nanoTime();
        try (var tracking = DeadlineTrackings.of(approach, servers)) {
            tracking.track(orders);
        }
        double seconds = (System.nanoTime() - began) / 1e9;
        System.out.printf(
                "DEADLINE TRACKING %s: %d orders in %.1f s (%.0f/s), client set-up and close included%n",
                approach.id(), COUNT, seconds, COUNT / seconds);
        TestRedis.flushAll();
    }
}
