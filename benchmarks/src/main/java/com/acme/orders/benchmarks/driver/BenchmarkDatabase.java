package com.acme.orders.benchmarks.driver;

import com.acme.orders.application.deadline.port.PendingDeadline;
import com.acme.orders.benchmarks.servers.Servers;
import com.acme.orders.domain.OrderId;
import java.io.IOException;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;
import org.flywaydb.core.Flyway;
import org.jspecify.annotations.Nullable;
import org.postgresql.PGConnection;

/**
 * The driver's own access to PostgreSQL: the schema (the service's Flyway migrations), bulk seeding with COPY, and
 * reading the outcome. Seeded rows are exactly what the repository writes for an unpaid order of one line; the orders
 * due during a run belong to the customer {@value #DUE_CUSTOMER}, the backlog to {@value #BACKLOG_CUSTOMER}, so that a
 * run's orders can be found and removed without touching the backlog.
 */
final class BenchmarkDatabase {

    static final String DUE_CUSTOMER = "benchmark-due";
    static final String BACKLOG_CUSTOMER = "benchmark-backlog";
    static final String WARM_UP_CUSTOMER = "benchmark-warm-up";
    private static final int COPY_CHUNK = 50_000;
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ISO_INSTANT;

    private final Servers servers;
    private final AtomicLong numbers = new AtomicLong(System.currentTimeMillis() * 1_000);

    BenchmarkDatabase(Servers servers) {
        this.servers = servers;
    }

    Connection connect() throws SQLException {
        return DriverManager.getConnection(servers.jdbcUrl(), servers.dbUser(), servers.dbPassword());
    }

    void migrate() {
        Flyway.configure()
                .dataSource(servers.jdbcUrl(), servers.dbUser(), servers.dbPassword())
                .locations("classpath:db/migration")
                .load()
                .migrate();
    }

    /** Every table of the service empty, as on the first day. */
    void reset() throws SQLException {
        execute("TRUNCATE orders, order_items, outbox, idempotency_keys, received_payments CASCADE");
        vacuum();
    }

    /** Removes the orders of the last run (and what they left behind) and returns the tables to a steady state. */
    void removeRunOrders() throws SQLException {
        execute("TRUNCATE outbox, idempotency_keys, received_payments");
        execute("DELETE FROM order_items WHERE order_id IN (SELECT id FROM orders WHERE customer_id <> '"
                + BACKLOG_CUSTOMER + "')");
        execute("DELETE FROM orders WHERE customer_id <> '" + BACKLOG_CUSTOMER + "'");
        vacuum();
    }

    void vacuum() throws SQLException {
        execute("VACUUM ANALYZE orders");
        execute("VACUUM ANALYZE order_items");
        execute("VACUUM ANALYZE outbox");
    }

    /** {@code count} unpaid orders of 25.00 EUR for {@code customer}, the i-th due at {@code deadline.apply(i)}. */
    List<PendingDeadline> unpaidOrders(String customer, int count, IntFunction<Instant> deadline)
            throws SQLException, IOException {
        var orders = new ArrayList<PendingDeadline>(count);
        for (int i = 0; i < count; i++) {
            orders.add(new PendingDeadline(new OrderId(UUID.randomUUID()), deadline.apply(i)));
        }
        try (var connection = connect()) {
            var copy = connection.unwrap(PGConnection.class).getCopyAPI();
            for (int from = 0; from < count; from += COPY_CHUNK) {
                var chunk = orders.subList(from, Math.min(count, from + COPY_CHUNK));
                var rows = new StringBuilder(chunk.size() * 160);
                var lines = new StringBuilder(chunk.size() * 60);
                for (PendingDeadline it : chunk) {
                    rows.append(it.order().value())
                            .append(',')
                            .append("20261123-")
                            .append(numbers.incrementAndGet())
                            .append(',')
                            .append(customer)
                            .append(",EUR,25.00,UNPAID,")
                            .append(TIMESTAMP.format(it.deadline().minus(Duration.ofMinutes(30))))
                            .append(',')
                            .append(TIMESTAMP.format(it.deadline()))
                            .append(",0\n");
                    lines.append(it.order().value()).append(",0,BOOK-1,2,12.50\n");
                }
                copy.copyIn(
                        "COPY orders (id, order_number, customer_id, currency, total_amount, status, created_at, "
                                + "payment_deadline, version) FROM STDIN WITH (FORMAT csv)",
                        new StringReader(rows.toString()));
                copy.copyIn(
                        "COPY order_items (order_id, line_no, sku, quantity, unit_price) FROM STDIN WITH (FORMAT csv)",
                        new StringReader(lines.toString()));
            }
        }
        return orders;
    }

    /** Stamps the orders' closing time as the service does for an order placed with a settlement grace. */
    void closeAfterGrace(List<PendingDeadline> orders, Duration grace) throws SQLException {
        try (var connection = connect();
                var statement = connection.prepareStatement(
                        "UPDATE orders SET grace_until = payment_deadline + ? * interval '1 millisecond'"
                                + " WHERE id = ANY (?)")) {
            statement.setLong(1, grace.toMillis());
            statement.setArray(
                    2,
                    connection.createArrayOf(
                            "uuid",
                            orders.stream().map(it -> it.order().value()).toArray()));
            statement.executeUpdate();
        }
    }

    long count(String sql) throws SQLException {
        try (var connection = connect();
                var statement = connection.createStatement();
                var rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    long cancelledDue() throws SQLException {
        return count("SELECT count(*) FROM orders WHERE customer_id = '" + DUE_CUSTOMER + "' AND status = 'CANCELLED'");
    }

    long outboxRows() throws SQLException {
        return count("SELECT count(*) FROM outbox");
    }

    /** Per cancelled order of the run: its deadline and the commit time of the transaction that cancelled it. */
    List<Settled> settledDueOrders() throws SQLException {
        var result = new ArrayList<Settled>();
        try (var connection = connect();
                var statement = connection.prepareStatement("""
                SELECT id, status, payment_deadline, pg_xact_commit_timestamp(xmin) AS committed
                FROM orders WHERE customer_id = ? AND status <> 'UNPAID'""")) {
            statement.setString(1, DUE_CUSTOMER);
            try (var rows = statement.executeQuery()) {
                while (rows.next()) {
                    Timestamp committed = rows.getTimestamp("committed");
                    result.add(new Settled(
                            rows.getObject("id", UUID.class),
                            rows.getString("status"),
                            rows.getTimestamp("payment_deadline").toInstant(),
                            committed == null ? null : committed.toInstant()));
                }
            }
        }
        return result;
    }

    String serverVersion() throws SQLException {
        try (var connection = connect();
                var statement = connection.createStatement();
                var rows = statement.executeQuery("SELECT version()")) {
            rows.next();
            return rows.getString(1);
        }
    }

    private void execute(String sql) throws SQLException {
        try (var connection = connect();
                var statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    /** @param committed null when PostgreSQL kept no commit time (track_commit_timestamp off) */
    record Settled(
            UUID order,
            String status,
            Instant deadline,
            @Nullable Instant committed) {}
}
