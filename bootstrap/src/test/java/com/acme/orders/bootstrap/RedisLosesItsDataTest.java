package com.acme.orders.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.acme.orders.adapter.redis.TestRedis;
import com.acme.orders.application.deadline.RebuildDeadlineIndex;
import com.acme.orders.application.fakes.RecordedEvents;
import com.acme.orders.application.payment.ConfirmPayment;
import com.acme.orders.domain.Money;
import com.acme.orders.domain.OrderId;
import com.acme.orders.domain.OrderPaid;
import com.acme.orders.domain.Payment;
import com.acme.orders.domain.PaymentReference;
import com.acme.orders.domain.Transition;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * Redis forgets in the middle of a run, flushed or restarted empty: the rebuild and the sweeper still cancel every due
 * order within the sweeper's bound (margin + interval after the deadline), and never a paid one.
 */
class RedisLosesItsDataTest {

    private static final int ORDERS = 3_000;
    /**
     * Sweeper margin 1 s + interval 1 s (jittered up to 1.5 s), plus generous room for a sweep's own time on a machine
     * whose two cores are shared by several builds: the test proves the bound exists, not how tight it is.
     */
    private static final Duration SWEEPER_BOUND = Duration.ofSeconds(10);
    /**
     * The worker checks for a loss four times a second and the rebuild of a few thousand orders takes well under a second;
     * room again for a shared machine.
     */
    private static final Duration WORKER_BOUND = Duration.ofSeconds(6);

    @Test
    void every_due_order_is_still_cancelled_and_no_paid_one_after_redis_is_flushed_mid_run() throws Exception {
        runLosingRedisMidRun(TestRedis::flushAll);
    }

    @Test
    void every_due_order_is_still_cancelled_and_no_paid_one_after_redis_restarts_empty_mid_run() throws Exception {
        runLosingRedisMidRun(TestRedis::restart);
    }

    /**
     * With the sweeper a minute away, the worker's own poll notices the loss and has the index rebuilt at once: the
     * orders due meanwhile are cancelled within seconds of their deadline, not after the sweeper's next round.
     */
    @Test
    void after_a_flush_the_worker_notices_the_loss_at_once_and_no_order_waits_for_the_sweeper() throws Exception {
        runLosingRedisMidRun(
                TestRedis::flushAll,
                Map.of("orders.timeouts.sweeper-interval", "1m", "orders.timeouts.sweeper-margin", "1m"),
                WORKER_BOUND);
    }

    private void runLosingRedisMidRun(Runnable loseRedis) throws Exception {
        runLosingRedisMidRun(loseRedis, Map.of(), SWEEPER_BOUND);
    }

    private void runLosingRedisMidRun(Runnable loseRedis, Map<String, Object> settings, Duration bound)
            throws Exception {
        var events = new RecordedEvents();
        try (var service = ServiceInstance.start(events, settings)) {
            var data = new TimeoutTestData(service.bean(DataSource.class));
            data.reset();
            var start = Instant.now().plusSeconds(4);
            var seeded = data.unpaidOrders(ORDERS, i -> start.plusMillis(i * 4_000L / ORDERS));
            // As PlaceOrder would have; a rebuild also marks the index complete, so no sweeper rebuild resets a claim.
            service.bean(RebuildDeadlineIndex.class).rebuild();
            // Every fifth order is paid, by several threads as payment notifications arrive; the ones accepted in time
            // must stay paid whatever happens to Redis.
            var confirmPayment = service.bean(ConfirmPayment.class);
            var paid = ConcurrentHashMap.<OrderId>newKeySet();
            try (var payers = Executors.newFixedThreadPool(8)) {
                IntStream.range(0, ORDERS)
                        .filter(i -> i % 5 == 0)
                        .mapToObj(seeded::get)
                        .forEach(it -> payers.submit(() -> {
                            var change = confirmPayment.confirm(
                                    it.order(),
                                    new Payment(new PaymentReference("pi_" + it.order()), Money.of("25.00", "EUR")));
                            if (change.transition() instanceof Transition.Changed) {
                                paid.add(it.order());
                            }
                        }));
            }

            System.out.println("Seeded and paid " + paid.size() + " orders, " + Duration.between(Instant.now(), start)
                    + " before the first deadline");
            TimeoutTestData.sleepUntil(start.plusSeconds(2)); // half the orders are due by now, half are not
            loseRedis.run();

            var lastDeadline = seeded.getLast().deadline();
            assertThat(data.awaitNoUnpaidDueBy(lastDeadline, bound.plusSeconds(10)))
                    .isTrue();
            System.out.println("After Redis lost its data: " + data.statuses() + "; lag " + data.lagDistribution());
            assertThat(data.count("PAID")).isEqualTo(paid.size());
            assertThat(data.count("CANCELLED")).isEqualTo(ORDERS - paid.size());
            assertThat(data.maxLagMillis()).isLessThanOrEqualTo(bound.toMillis());
            assertThat(data.storedMoreThanOnce()).isZero();
            var terminal = TimeoutTestData.terminalEventsByOrder(events);
            assertThat(terminal)
                    .hasSize(ORDERS)
                    .allSatisfy((order, its) -> assertThat(its).hasSize(1));
            assertThat(paid)
                    .allSatisfy(it -> assertThat(terminal.get(it).getFirst()).isInstanceOf(OrderPaid.class));
        }
    }
}
