package com.acme.orders.benchmarks.approaches;

import com.acme.orders.adapter.redis.TestRedis;
import com.acme.orders.application.deadline.port.PendingDeadline;
import com.acme.orders.domain.OrderId;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;
import java.util.stream.IntStream;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Orders written straight into the tables, as the driver seeds them (the rows bootstrap's {@code TimeoutTestData}
 * writes, which are what the repository writes), and what the tests read back.
 */
final class SeededOrders {

    private static final AtomicLong NUMBERS = new AtomicLong(System.currentTimeMillis() * 1_000);

    private final JdbcTemplate jdbc;

    SeededOrders(DataSource dataSource) {
        this.jdbc = new JdbcTemplate(dataSource);
    }

    /** Empty tables, outbox included, and an empty Redis (its configuration stays). */
    void reset() {
        jdbc.execute("TRUNCATE orders, outbox CASCADE");
        TestRedis.flushAll();
    }

    List<PendingDeadline> unpaid(int count, IntFunction<Instant> deadline) {
        return insert(count, deadline, false);
    }

    /** Paid well before {@code deadline}; whatever timer placing them wrote may still be there. */
    List<PendingDeadline> paid(int count, IntFunction<Instant> deadline) {
        return insert(count, deadline, true);
    }

    private List<PendingDeadline> insert(int count, IntFunction<Instant> deadline, boolean paid) {
        List<PendingDeadline> orders = IntStream.range(0, count)
                .mapToObj(i -> new PendingDeadline(OrderId.newId(), deadline.apply(i)))
                .toList();
        jdbc.batchUpdate("""
                INSERT INTO orders (id, order_number, customer_id, currency, total_amount, status, created_at,
                                    payment_deadline, payment_reference, paid_at, version)
                VALUES (?, ?, 'smoke-test', 'EUR', 25.00, ?, ?, ?, ?, ?, ?)""", orders, 1_000, (row, it) -> {
            Instant created = it.deadline().minus(Duration.ofMinutes(30));
            row.setObject(1, it.order().value());
            row.setString(2, "20261123-" + NUMBERS.incrementAndGet());
            row.setString(3, paid ? "PAID" : "UNPAID");
            row.setTimestamp(4, Timestamp.from(created));
            row.setTimestamp(5, Timestamp.from(it.deadline()));
            row.setString(6, paid ? "pay-" + it.order().value() : null);
            row.setTimestamp(7, paid ? Timestamp.from(created.plus(Duration.ofMinutes(1))) : null);
            row.setLong(8, paid ? 1 : 0);
        });
        jdbc.batchUpdate(
                """
                INSERT INTO order_items (order_id, line_no, sku, quantity, unit_price)
                VALUES (?, 0, 'BOOK-1', 2, 12.50)""", orders, 1_000, (row, it) -> row.setObject(1, it.order().value()));
        return orders;
    }

    /** Milliseconds from deadline to cancellation, p50 and max, of the cancelled orders: printed, never asserted. */
    String lag() {
        return jdbc.queryForObject("""
                SELECT format('lag p50 %s ms, max %s ms', round(percentile_cont(0.5) WITHIN GROUP (ORDER BY lag)),
                              round(max(lag)))
                FROM (SELECT extract(epoch FROM cancelled_at - payment_deadline) * 1000 AS lag
                      FROM orders WHERE status = 'CANCELLED') lags""", String.class);
    }

    /** Status and version of every order: {@code CANCELLED/1} is one stored cancellation. */
    Map<OrderId, String> statuses() {
        var result = new HashMap<OrderId, String>();
        jdbc.query("SELECT id, status, version FROM orders", row -> {
            result.put(new OrderId(row.getObject(1, UUID.class)), row.getString(2) + "/" + row.getLong(3));
        });
        return result;
    }
}
