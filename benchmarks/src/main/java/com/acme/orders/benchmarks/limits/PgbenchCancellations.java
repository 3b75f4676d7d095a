package com.acme.orders.benchmarks.limits;

import com.acme.orders.benchmarks.servers.Servers;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How many cancellations per second PostgreSQL itself can commit, with the service's transaction and none of its
 * Java: pgbench runs the scripts of {@code limits/} on orders seeded here, and the seed is removed afterwards.
 */
final class PgbenchCancellations {

    private static final Logger log = LoggerFactory.getLogger(PgbenchCancellations.class);
    private static final Pattern TPS =
            Pattern.compile("^tps = ([0-9.]+) \\(without initial connection time\\)", Pattern.MULTILINE);
    private static final Pattern PROCESSED =
            Pattern.compile("^number of transactions actually processed: (\\d+)", Pattern.MULTILINE);

    /** A pgbench script and how many orders one of its transactions cancels. */
    record Workload(String script, String name, int ordersPerTransaction) {}

    static final List<Workload> WORKLOADS = List.of(
            new Workload(
                    "cancel-one.sql", "cancel 1 order per transaction (lock, lines, update, outbox row, commit)", 1),
            new Workload(
                    "cancel-batch.sql",
                    "cancel 500 orders per transaction (SKIP LOCKED CTE, UPDATE FROM, " + "INSERT SELECT)",
                    500));

    /**
     * One seed for both scripts, the single one taking the earliest deadlines. Seeding and removing it is most of the
     * time the limits take (15 to 30 s per 100,000 orders each on a loaded 2-core machine), so it is sized to what the
     * batched script needs: see {@link #runLength}.
     */
    static final int SEED = 300_000;

    /** The seeded orders: those of the one customer that seed.sql invents. */
    private static final String SEEDED =
            "FROM orders WHERE customer_id = 'physical-limits-6f1c2a9e-0b7d-4c51-9a7e-3d2f8b4c1e05'";

    private final int clients;
    private final int threads;
    private final Duration duration;

    PgbenchCancellations(int clients, int threads, Duration duration) {
        this.clients = clients;
        this.threads = threads;
        this.duration = duration;
    }

    List<LimitResult> measure(Servers servers, Path workDir) throws IOException, InterruptedException, SQLException {
        migrateIfNeeded(servers);
        List<LimitResult> results = new ArrayList<>();
        try (Connection db = connect(servers)) {
            execute(db, "clean.sql");
            // Deleting the seed row by row takes as long as inserting it; when the tables hold nothing else (the
            // driver measures the limits before its own runs), emptying them is the same and instant.
            boolean onlyOurs = count(db, "SELECT (SELECT count(*) FROM orders) + (SELECT count(*) FROM outbox)") == 0;
            long seedStart = System.nanoTime();
            try (var insert = db.prepareStatement(sql("seed.sql"))) {
                insert.setInt(1, SEED);
                insert.executeUpdate();
            }
            execute(db, "seed-items.sql");
            log.info("Seeded {} due unpaid orders in {} ms", SEED, (System.nanoTime() - seedStart) / 1_000_000);
            try {
                for (Workload workload : WORKLOADS) {
                    // Dead rows of the previous script and fresh statistics: every script starts from a clean table.
                    vacuumAnalyze(db);
                    results.add(run(servers, workload, copy(workload.script(), workDir), workDir, db));
                }
            } finally {
                long cleanStart = System.nanoTime();
                if (onlyOurs) {
                    try (var statement = db.createStatement()) {
                        // CASCADE reaches idempotency_keys and received_payments, empty as orders was.
                        statement.execute("TRUNCATE orders, order_items, outbox CASCADE");
                    }
                } else {
                    execute(db, "clean.sql");
                    vacuumAnalyze(db);
                }
                log.info("Removed the seed in {} ms", (System.nanoTime() - cleanStart) / 1_000_000);
            }
        }
        return results;
    }

    private LimitResult run(Servers servers, Workload workload, Path script, Path workDir, Connection db)
            throws IOException, InterruptedException, SQLException {
        URI address = URI.create(servers.jdbcUrl().substring("jdbc:".length()));
        List<String> arguments = new ArrayList<>(List.of(
                "pgbench",
                "-h",
                address.getHost(),
                "-p",
                Integer.toString(address.getPort()),
                "-U",
                servers.dbUser(),
                "-n",
                "-c",
                Integer.toString(clients),
                "-j",
                Integer.toString(threads)));
        arguments.addAll(runLength(workload, db));
        arguments.addAll(List.of("-f", script.toString(), address.getPath().substring(1)));
        var command = new Command(
                arguments,
                servers.dbPassword() == null || servers.dbPassword().isEmpty()
                        ? Map.of()
                        : Map.of("PGPASSWORD", servers.dbPassword()));
        long cancelledBefore = count(db, "SELECT count(*) " + SEEDED + " AND status = 'CANCELLED'");
        log.info("Running {}", command);
        String output = command.run(
                workDir.resolve("pgbench-" + workload.script().replace(".sql", ".log")), duration.plusMinutes(5));
        double tps = tps(output).orElseThrow(() -> new IOException("no tps in the output of " + command));
        long transactions = processed(output).orElseThrow(() -> new IOException("no transaction count in " + output));
        long cancelled = count(db, "SELECT count(*) " + SEEDED + " AND status = 'CANCELLED'") - cancelledBefore;
        // Counted in the database rather than assumed: a transaction that found fewer due orders cancelled fewer.
        double perSecond = transactions == 0 ? 0 : tps * cancelled / transactions;
        String name = workload.name() + ", " + clients + " clients";
        if (cancelled < transactions * workload.ordersPerTransaction()) {
            log.warn(
                    "{}: {} transactions cancelled only {} orders: some found no due order left",
                    workload.script(),
                    transactions,
                    cancelled);
            name += " (seed ran short: lower bound)";
        }
        log.info("{}: {} tps, {} cancellations/s", workload.script(), tps, Math.round(perSecond));
        return new LimitResult("pgbench", name, perSecond, "cancellations/s", command.toString());
    }

    /**
     * {@code -T} seconds for the single cancellations, which use up a few thousand orders a second at most. The
     * batched script would empty any affordable seed within seconds on a fast machine, and a client that finds no
     * due order left would count empty transactions: it runs a fixed number of transactions instead
     * ({@code -t}, per client), four fifths of what the seed holds, so that every transaction finds its 500.
     */
    private List<String> runLength(Workload workload, Connection db) throws SQLException {
        if (workload.ordersPerTransaction() == 1) {
            return List.of("-T", Long.toString(duration.toSeconds()));
        }
        long unpaid = count(db, "SELECT count(*) " + SEEDED + " AND status = 'UNPAID'");
        long perClient = Math.max(1, unpaid * 4 / 5 / ((long) clients * workload.ordersPerTransaction()));
        return List.of("-t", Long.toString(perClient));
    }

    /** pgbench's "tps = … (without initial connection time)". */
    static OptionalDouble tps(String output) {
        Matcher matcher = TPS.matcher(output);
        return matcher.find() ? OptionalDouble.of(Double.parseDouble(matcher.group(1))) : OptionalDouble.empty();
    }

    static OptionalLong processed(String output) {
        Matcher matcher = PROCESSED.matcher(output);
        return matcher.find() ? OptionalLong.of(Long.parseLong(matcher.group(1))) : OptionalLong.empty();
    }

    /** The service normally migrates first; if it has not, the same migrations from its jar create the tables. */
    static void migrateIfNeeded(Servers servers) throws SQLException {
        try (Connection db = connect(servers)) {
            if (count(db, "SELECT count(*) FROM pg_tables WHERE tablename = 'outbox'") > 0) {
                return;
            }
        }
        log.info("No orders schema yet: migrating with the service's Flyway migrations");
        Flyway.configure()
                .dataSource(servers.jdbcUrl(), servers.dbUser(), servers.dbPassword())
                .locations("classpath:db/migration")
                .load()
                .migrate();
    }

    static Connection connect(Servers servers) throws SQLException {
        return DriverManager.getConnection(servers.jdbcUrl(), servers.dbUser(), servers.dbPassword());
    }

    static long count(Connection db, String query) throws SQLException {
        try (var statement = db.createStatement();
                var result = statement.executeQuery(query)) {
            result.next();
            return result.getLong(1);
        }
    }

    private static void execute(Connection db, String resource) throws SQLException {
        try (var statement = db.createStatement()) {
            statement.execute(sql(resource));
        }
    }

    /** Dead rows of the previous workload and fresh statistics, so that each run starts from the same table state. */
    private static void vacuumAnalyze(Connection db) throws SQLException {
        try (var statement = db.createStatement()) {
            statement.execute("VACUUM ANALYZE orders, order_items, outbox");
        }
    }

    /** A resource of {@code limits/} without its comment lines (the JDBC driver would look for ? in them). */
    private static String sql(String resource) {
        return read(resource)
                .lines()
                .filter(line -> !line.strip().startsWith("--"))
                .collect(Collectors.joining("\n"));
    }

    static Path copy(String resource, Path workDir) throws IOException {
        Files.createDirectories(workDir);
        Path file = workDir.resolve(resource);
        Files.writeString(file, read(resource));
        return file;
    }

    private static String read(String resource) {
        try (InputStream in = PgbenchCancellations.class.getResourceAsStream("/limits/" + resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource limits/" + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
