package com.acme.orders.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.acme.orders.application.deadline.RebuildDeadlineIndex;
import com.acme.orders.application.deadline.port.DeadlineIndex;
import com.acme.orders.application.deadline.port.PendingDeadline;
import com.acme.orders.application.fakes.RecordedEvents;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** A flash sale's worth of deadlines at once, on real PostgreSQL and Redis, through the running timeout worker. */
class TimeoutsAtScaleTest {

    private static final int ORDERS = 10_000;

    @Test
    void ten_thousand_orders_due_within_three_seconds_all_end_cancelled_each_exactly_once() throws Exception {
        var events = new RecordedEvents();
        // The sweeper stays out of the way (margin 1h), so every cancellation here is the worker's.
        try (var service = ServiceInstance.start(events, Map.of("orders.timeouts.sweeper-margin", "1h"))) {
            var data = new TimeoutTestData(service.bean(DataSource.class));
            data.reset();
            var start = Instant.now().plusSeconds(3);
            var seeded = data.unpaidOrders(ORDERS, i -> start.plusMillis(i * 3_000L / ORDERS));
            // As PlaceOrder would have; a rebuild also marks the index complete, so no sweeper rebuild resets a claim.
            service.bean(RebuildDeadlineIndex.class).rebuild();

            var lastDeadline = seeded.getLast().deadline();
            assertThat(data.awaitNoUnpaidDueBy(lastDeadline, Duration.ofSeconds(40)))
                    .isTrue();

            System.out.println("Timeout lag, " + ORDERS + " orders due within 3 s: " + data.lagDistribution());
            assertThat(data.count("CANCELLED")).isEqualTo(ORDERS);
            assertThat(data.storedMoreThanOnce()).isZero();
            var terminal = TimeoutTestData.terminalEventsByOrder(events);
            assertThat(terminal)
                    .hasSize(ORDERS)
                    .allSatisfy((order, its) -> assertThat(its).hasSize(1));
            assertThat(terminal.keySet())
                    .isEqualTo(seeded.stream().map(PendingDeadline::order).collect(Collectors.toSet()));
            // A rebuild racing the worker may put back an entry the worker had just acknowledged; the worker claims
            // it again at its next poll and acknowledges it as already settled, so the index drains within a moment.
            var index = service.bean(DeadlineIndex.class);
            var drainedBy = Instant.now().plusSeconds(10);
            while (index.size() > 0 && Instant.now().isBefore(drainedBy)) {
                Thread.sleep(50);
            }
            assertThat(index.size()).as("every claim acknowledged").isZero();
            assertThat(service.counterOnceAt("orders.timeout.cancelled", ORDERS, Duration.ofSeconds(10)))
                    .isEqualTo(ORDERS);
        }
    }
}
