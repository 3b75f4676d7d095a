package com.acme.orders.benchmarks.limits;

import com.acme.orders.benchmarks.servers.Servers;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The physical limits of the benchmark's servers for the work every approach must do: how many cancellations per
 * second PostgreSQL commits with the service's own transaction (pgbench), and how many deadline-index operations per
 * second Redis serves (redis-benchmark). They put the approaches' numbers in proportion: an approach near a limit
 * cannot be made much faster by changing its Java.
 *
 * <p>Call it while no service JVM runs: the pgbench scripts write outbox rows that a running relay would send to
 * Kafka. It never fails the benchmark: a missing tool or a failed run is logged and leaves its results out.
 */
public final class PhysicalLimits {

    private static final Logger log = LoggerFactory.getLogger(PhysicalLimits.class);

    private final PgbenchCancellations pgbench;
    private final RedisBenchmarkLimits redisBenchmark = new RedisBenchmarkLimits();

    /** pgbench with 4 clients on 2 threads for 10 s per script. */
    public PhysicalLimits() {
        this(Duration.ofSeconds(10));
    }

    public PhysicalLimits(Duration pgbenchDuration) {
        this.pgbench = new PgbenchCancellations(4, 2, pgbenchDuration);
    }

    /** Why the limits cannot be measured on this machine (a tool is missing), or empty if they can. */
    public static Optional<String> unavailable() {
        List<String> missing = Stream.of("pgbench", "redis-benchmark", "redis-cli")
                .filter(tool -> Command.onPath(tool).isEmpty())
                .toList();
        return missing.isEmpty()
                ? Optional.empty()
                : Optional.of("not installed: " + String.join(", ", missing)
                        + " (Debian: apt-get install postgresql-client-15 redis-tools; benchmarks/run does this)");
    }

    /** Every limit that could be measured; the log says why any is missing. Scripts and logs go to {@code workDir}. */
    public List<LimitResult> measure(Servers servers, Path workDir) {
        List<LimitResult> results = new ArrayList<>();
        if (Command.onPath("pgbench").isPresent()) {
            try {
                results.addAll(pgbench.measure(servers, workDir));
            } catch (Exception e) {
                interruptedAgain(e);
                log.warn("pgbench limits skipped: {}", e.toString(), e);
            }
        } else {
            log.warn("pgbench limits skipped: pgbench is not installed");
        }
        if (Command.onPath("redis-benchmark").isPresent()
                && Command.onPath("redis-cli").isPresent()) {
            try {
                results.addAll(redisBenchmark.measure(servers, workDir));
            } catch (Exception e) {
                interruptedAgain(e);
                log.warn("redis-benchmark limits skipped: {}", e.toString(), e);
            }
        } else {
            log.warn("redis-benchmark limits skipped: redis-benchmark or redis-cli is not installed");
        }
        log.info(
                "Physical limits:\n{}",
                results.stream()
                        .map(it -> "  %-16s %,12.0f %-16s %s"
                                .formatted(it.tool(), it.perSecond(), it.unit(), it.workload()))
                        .collect(Collectors.joining("\n")));
        return results;
    }

    private static void interruptedAgain(Exception e) {
        if (e instanceof InterruptedException) {
            Thread.currentThread().interrupt();
        }
    }

    /** By hand: {@code PhysicalLimits <servers.properties> [workDir]}, against servers started by BenchmarkServers. */
    public static void main(String[] args) {
        Servers servers = Servers.read(Path.of(args[0]));
        Path workDir = Path.of(args.length > 1 ? args[1] : "benchmarks/target/limits");
        unavailable().ifPresent(reason -> log.warn("Physical limits partly unavailable: {}", reason));
        new PhysicalLimits().measure(servers, workDir);
    }
}
