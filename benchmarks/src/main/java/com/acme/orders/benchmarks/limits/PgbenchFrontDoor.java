package com.acme.orders.benchmarks.limits;

import com.acme.orders.benchmarks.servers.Servers;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The database's own limit for the front door's transactions: pgbench running, statement for statement, what the
 * service sends to place an order ({@code place-order.sql}) and to confirm a payment ({@code pay-order.sql}), at the
 * concurrencies the service is measured at, fsync and synchronous commit on, prepared statements as the driver uses.
 * Call it while no service JVM runs; what it writes is removed afterwards.
 */
public final class PgbenchFrontDoor {

    private static final Logger log = LoggerFactory.getLogger(PgbenchFrontDoor.class);

    /** Unpaid orders for the payment script: several times what a run draws, so that few are drawn twice. */
    private final int pool;

    private final Duration duration;

    public PgbenchFrontDoor(int pool, Duration duration) {
        this.pool = pool;
        this.duration = duration;
    }

    public static boolean installed() {
        return Command.onPath("pgbench").isPresent();
    }

    /** One result per script and client count: "place" and "pay", in transactions (orders, payments) per second. */
    public List<LimitResult> measure(Servers servers, List<Integer> clients, Path workDir)
            throws IOException, InterruptedException, SQLException {
        Files.createDirectories(workDir);
        PgbenchCancellations.migrateIfNeeded(servers);
        var results = new ArrayList<LimitResult>();
        try (Connection db = PgbenchCancellations.connect(servers)) {
            try (var statement = db.createStatement()) {
                statement.execute("TRUNCATE orders, order_items, outbox CASCADE");
                statement.execute("INSERT INTO orders (id, order_number, customer_id, currency, total_amount, status, "
                        + "created_at, payment_deadline, version) SELECT md5('pgbench-pay-' || k)::uuid, 'PGP-' || k, "
                        + "'pgbench-payer', 'EUR', 25.0000, 'UNPAID', now(), now() + interval '2 hours', 0 "
                        + "FROM generate_series(1, " + pool + ") AS k");
                statement.execute("INSERT INTO order_items (order_id, line_no, sku, quantity, unit_price) "
                        + "SELECT id, 0, 'BOOK-1', 2, 12.50 FROM orders");
                statement.execute("VACUUM ANALYZE orders");
                statement.execute("VACUUM ANALYZE order_items");
            }
            Path place = PgbenchCancellations.copy("place-order.sql", workDir);
            Path pay = PgbenchCancellations.copy("pay-order.sql", workDir);
            for (int it : clients) {
                results.add(run(servers, "place", place, it, workDir));
            }
            for (int it : clients) {
                long paidBefore = PgbenchCancellations.count(
                        db, "SELECT count(*) FROM orders WHERE customer_id = 'pgbench-payer' AND status = 'PAID'");
                var result = run(servers, "pay", pay, it, workDir);
                long paid = PgbenchCancellations.count(
                                db,
                                "SELECT count(*) FROM orders WHERE customer_id = 'pgbench-payer' AND status = 'PAID'")
                        - paidBefore;
                results.add(new LimitResult(
                        result.tool(),
                        result.workload() + String.format(" (%,d orders paid)", paid),
                        result.perSecond(),
                        result.unit(),
                        result.command()));
            }
        } finally {
            try (Connection db = PgbenchCancellations.connect(servers);
                    var statement = db.createStatement()) {
                statement.execute("TRUNCATE orders, order_items, outbox CASCADE");
            }
        }
        return results;
    }

    private LimitResult run(Servers servers, String workload, Path script, int clients, Path workDir)
            throws IOException, InterruptedException {
        URI address = URI.create(servers.jdbcUrl().substring("jdbc:".length()));
        var command = new Command(
                List.of(
                        "pgbench",
                        "-h",
                        address.getHost(),
                        "-p",
                        Integer.toString(address.getPort()),
                        "-U",
                        servers.dbUser(),
                        "-n",
                        "-M",
                        "prepared",
                        "-c",
                        Integer.toString(clients),
                        "-j",
                        "2",
                        "-T",
                        Long.toString(duration.toSeconds()),
                        "-D",
                        "pool=" + pool,
                        "-f",
                        script.toString(),
                        address.getPath().substring(1)),
                servers.dbPassword() == null || servers.dbPassword().isEmpty()
                        ? Map.of()
                        : Map.of("PGPASSWORD", servers.dbPassword()));
        log.info("Running {}", command);
        String output =
                command.run(workDir.resolve("pgbench-" + workload + "-" + clients + ".log"), duration.plusMinutes(2));
        double tps = PgbenchCancellations.tps(output)
                .orElseThrow(() -> new IOException("no tps in the output of " + command));
        return new LimitResult(
                "pgbench", workload + ", " + clients + " clients", tps, "transactions/s", command.toString());
    }
}
