package com.acme.orders.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.acme.orders.adapter.redis.TestRedis;
import com.acme.orders.adapter.redis.deadline.RedisDeadlineIndex;
import com.acme.orders.application.deadline.RebuildDeadlineIndex;
import com.acme.orders.application.fakes.RecordedEvents;
import com.acme.orders.domain.OrderId;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/** Several instances on one Redis and one database: the work is shared, nothing is done twice, nothing is lost. */
class SharedWorkTest {

    private static final Duration LEASE = Duration.ofSeconds(2);

    @Test
    void two_instances_share_the_due_orders_and_no_order_is_cancelled_twice() throws Exception {
        int orders = 4_000;
        var events = new RecordedEvents();
        // Small batches and the sweeper out of the way, so both workers get their hands on the index.
        var settings =
                Map.<String, Object>of("orders.timeouts.batch-size", "100", "orders.timeouts.sweeper-margin", "1h");
        try (var first = ServiceInstance.start(events, settings);
                var second = ServiceInstance.start(events, settings)) {
            var data = new TimeoutTestData(first.bean(DataSource.class));
            data.reset();
            var start = Instant.now().plusSeconds(2);
            var seeded = data.unpaidOrders(orders, i -> start.plusMillis(i * 2_000L / orders));
            // As PlaceOrder would have; a rebuild also marks the index complete, so no sweeper rebuild resets a claim.
            first.bean(RebuildDeadlineIndex.class).rebuild();

            assertThat(data.awaitNoUnpaidDueBy(seeded.getLast().deadline(), Duration.ofSeconds(30)))
                    .isTrue();
            // A batch is counted after its commit and its acknowledgement to Redis: the last ones may be on their way.
            var countedBy = Instant.now().plusSeconds(10);
            while (first.counter("orders.timeout.cancelled") + second.counter("orders.timeout.cancelled") < orders
                    && Instant.now().isBefore(countedBy)) {
                Thread.sleep(20);
            }

            double byFirst = first.counter("orders.timeout.cancelled");
            double bySecond = second.counter("orders.timeout.cancelled");
            System.out.printf(
                    "Two instances: first cancelled %.0f, second %.0f; lag %s%n",
                    byFirst, bySecond, data.lagDistribution());
            assertThat(byFirst).isPositive();
            assertThat(bySecond).isPositive();
            assertThat(byFirst + bySecond).isEqualTo(orders);
            assertThat(data.count("CANCELLED")).isEqualTo(orders);
            assertThat(data.storedMoreThanOnce()).isZero();
            assertThat(TimeoutTestData.terminalEventsByOrder(events))
                    .hasSize(orders)
                    .allSatisfy((order, its) -> assertThat(its).hasSize(1));
        }
    }

    @Test
    void orders_claimed_by_a_worker_that_dies_before_acknowledging_are_cancelled_by_another_after_the_lease()
            throws Exception {
        int orders = 300;
        var events = new RecordedEvents();
        // The survivor polls about once a second, so the doomed worker, polling flat out, wins the first claim.
        try (var survivor = ServiceInstance.start(
                events, Map.of("orders.timeouts.sweeper-margin", "1h", "orders.timeouts.poll-interval", "1s"))) {
            var data = new TimeoutTestData(survivor.bean(DataSource.class));
            data.reset();
            var deadline = Instant.now().plusSeconds(2);
            var seeded = data.unpaidOrders(orders, i -> deadline);
            // As PlaceOrder would have; a rebuild also marks the index complete, so no sweeper rebuild resets a claim.
            survivor.bean(RebuildDeadlineIndex.class).rebuild();

            // The doomed worker: the same claim on the same Redis, polling flat out from the deadline on, and then
            // nothing, as if its process were killed between the claim and the database transaction.
            var connections = TestRedis.connectionFactory();
            List<OrderId> claimedByTheDead = new ArrayList<>();
            Instant claimedAt;
            try {
                var doomed = new RedisDeadlineIndex(connections, 16, new SimpleMeterRegistry());
                // Connected, and its claim script loaded, before the race: its first claim is then one round trip,
                // not a connection and a script load that a loaded machine can stretch past the survivor's poll.
                doomed.claimDue(Instant.EPOCH, 1, LEASE);
                TimeoutTestData.sleepUntil(deadline);
                do {
                    claimedAt = Instant.now();
                    claimedByTheDead.addAll(doomed.claimDue(claimedAt, orders, LEASE));
                } while (claimedByTheDead.isEmpty() && Instant.now().isBefore(deadline.plusSeconds(1)));
            } finally {
                connections.destroy();
            }
            assertThat(claimedByTheDead)
                    .as("the doomed worker won the first claim")
                    .isNotEmpty();

            assertThat(data.awaitNoUnpaidDueBy(deadline, LEASE.plusSeconds(15))).isTrue();

            var jdbc = new JdbcTemplate(survivor.bean(DataSource.class));
            Timestamp earliest = jdbc.queryForObject(
                    "SELECT min(cancelled_at) FROM orders WHERE id = ANY (?)", Timestamp.class, (Object)
                            claimedByTheDead.stream().map(OrderId::value).toArray(java.util.UUID[]::new));
            System.out.printf(
                    "Doomed worker claimed %d orders at %s; the survivor cancelled the first of them at %s%n",
                    claimedByTheDead.size(), claimedAt, earliest.toInstant());
            // Score and lease are whole milliseconds; nothing of the dead worker's claim came back before its end.
            assertThat(earliest.toInstant())
                    .isAfterOrEqualTo(claimedAt.plus(LEASE).minusMillis(1));
            assertThat(data.count("CANCELLED")).isEqualTo(orders);
            assertThat(data.storedMoreThanOnce()).isZero();
            assertThat(TimeoutTestData.terminalEventsByOrder(events))
                    .hasSize(orders)
                    .allSatisfy((order, its) -> assertThat(its).hasSize(1));
        }
    }
}
