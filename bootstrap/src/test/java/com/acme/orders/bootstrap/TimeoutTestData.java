package com.acme.orders.bootstrap;

import com.acme.orders.adapter.redis.TestRedis;
import com.acme.orders.application.deadline.port.PendingDeadline;
import com.acme.orders.application.fakes.RecordedEvents;
import com.acme.orders.domain.OrderCancelled;
import com.acme.orders.domain.OrderEvent;
import com.acme.orders.domain.OrderId;
import com.acme.orders.domain.OrderPaid;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Orders for the timeout tests, written straight into the tables in JDBC batches: placing ten thousand orders
 * through the use case would spend the test's minute on order numbers and single-row transactions, and what is under
 * test here starts at the deadline, not at the placing. The rows are exactly what the repository would write.
 */
final class TimeoutTestData {

    private static final AtomicLong NUMBERS = new AtomicLong(System.currentTimeMillis() * 1_000);

    private final JdbcTemplate jdbc;

    TimeoutTestData(DataSource dataSource) {
        this.jdbc = new JdbcTemplate(dataSource);
    }

    /** Empty tables and an empty Redis. */
    void reset() {
        jdbc.execute("TRUNCATE orders CASCADE");
        TestRedis.flushAll();
    }

    /** {@code count} unpaid orders of 25.00 EUR, the i-th due at {@code deadline.apply(i)}. */
    List<PendingDeadline> unpaidOrders(int count, IntFunction<Instant> deadline) {
        return unpaidOrders(count, deadline, Duration.ZERO);
    }

    /** The same, placed with a settlement grace: the timeout waits {@code grace} past each deadline. */
    List<PendingDeadline> unpaidOrders(int count, IntFunction<Instant> deadline, Duration grace) {
        List<PendingDeadline> orders = IntStream.range(0, count)
                .mapToObj(i -> new PendingDeadline(OrderId.newId(), deadline.apply(i)))
                .toList();
        jdbc.batchUpdate("""
                INSERT INTO orders (id, order_number, customer_id, currency, total_amount, status, created_at,
                                    payment_deadline, grace_until, version)
                VALUES (?, ?, 'timeout-test', 'EUR', 25.00, 'UNPAID', ?, ?, ?, 0)""", orders, 1_000, (row, it) -> {
            row.setObject(1, it.order().value());
            row.setString(2, "20261123-" + NUMBERS.incrementAndGet());
            row.setTimestamp(3, Timestamp.from(it.deadline().minus(Duration.ofMinutes(30))));
            row.setTimestamp(4, Timestamp.from(it.deadline()));
            row.setTimestamp(
                    5, grace.isPositive() ? Timestamp.from(it.deadline().plus(grace)) : null);
        });
        jdbc.batchUpdate(
                """
                INSERT INTO order_items (order_id, line_no, sku, quantity, unit_price)
                VALUES (?, 0, 'BOOK-1', 2, 12.50)""", orders, 1_000, (row, it) -> row.setObject(1, it.order().value()));
        return orders;
    }

    long count(String status) {
        return jdbc.queryForObject("SELECT count(*) FROM orders WHERE status = ?", Long.class, status);
    }

    /** Orders that were stored more than once: a second transition, or a change after the final one. */
    long storedMoreThanOnce() {
        return jdbc.queryForObject("SELECT count(*) FROM orders WHERE version > 1", Long.class);
    }

    Map<String, Long> statuses() {
        return jdbc.query("SELECT status, count(*) FROM orders GROUP BY status", (rs) -> {
            var result = new java.util.TreeMap<String, Long>();
            while (rs.next()) {
                result.put(rs.getString(1), rs.getLong(2));
            }
            return result;
        });
    }

    /** Milliseconds from deadline to cancellation of the cancelled orders: p50, p90, p99, max. */
    String lagDistribution() {
        return jdbc.queryForObject("""
                SELECT format('p50 %s ms, p90 %s ms, p99 %s ms, max %s ms over %s cancelled orders',
                              round(percentile_cont(0.5) WITHIN GROUP (ORDER BY lag)),
                              round(percentile_cont(0.9) WITHIN GROUP (ORDER BY lag)),
                              round(percentile_cont(0.99) WITHIN GROUP (ORDER BY lag)),
                              round(max(lag)), count(*))
                FROM (SELECT extract(epoch FROM cancelled_at - payment_deadline) * 1000 AS lag
                      FROM orders WHERE status = 'CANCELLED') lags""", String.class);
    }

    long maxLagMillis() {
        Double max = jdbc.queryForObject("""
                SELECT max(extract(epoch FROM cancelled_at - payment_deadline) * 1000) FROM orders
                WHERE status = 'CANCELLED'""", Double.class);
        return max == null ? 0 : Math.round(max);
    }

    /** Waits until {@code lastDeadline} has passed and no order due by then is unpaid, at most {@code atMost} after it. */
    boolean awaitNoUnpaidDueBy(Instant lastDeadline, Duration atMost) throws InterruptedException {
        sleepUntil(lastDeadline.plusMillis(1));
        var giveUp = lastDeadline.plus(atMost);
        while (true) {
            Long left = jdbc.queryForObject(
                    "SELECT count(*) FROM orders WHERE status = 'UNPAID' AND payment_deadline <= ?",
                    Long.class,
                    Timestamp.from(lastDeadline));
            if (left == 0) {
                return true;
            }
            if (Instant.now().isAfter(giveUp)) {
                System.out.println("Still unpaid although due: " + left + " orders; " + statuses());
                return false;
            }
            Thread.sleep(100);
        }
    }

    /** The final events (paid or cancelled) recorded for each order. */
    static Map<OrderId, List<OrderEvent>> terminalEventsByOrder(RecordedEvents events) {
        return events.all().stream()
                .filter(it -> it instanceof OrderPaid || it instanceof OrderCancelled)
                .collect(Collectors.groupingBy(OrderEvent::orderId));
    }

    static void sleepUntil(Instant moment) throws InterruptedException {
        long millis = Duration.between(Instant.now(), moment).toMillis();
        if (millis > 0) {
            Thread.sleep(millis);
        }
    }
}
