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
        md.append("# Reliability under faults (issue 15)\n\n");
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
                        + "(`ReliabilityTest`, benchmarks module).*\n\n");
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
        md.append("## Faults\n\n| from (s into the load) | to | fault |\n|---:|---:|---|\n");
        for (Fault fault : outcome.faults()) {
            md.append(String.format(
                    Locale.ROOT,
                    "| %.1f | %.1f | %s |%n",
                    (fault.startMillis() - loadStart) / 1000.0,
                    (fault.endMillis() - loadStart) / 1000.0,
                    fault.what()));
        }
        md.append("\n## Over time\n\n![orders placed per second, timeout lag, faults](reliability/timeline.svg)\n\n");
        md.append("Above: orders placed per second (201s). Below: the worst and the median lag of the timeout "
                + "cancellations, by the second their deadline fell in, from the deadline to the commit by "
                + "PostgreSQL's clock (track_commit_timestamp); the documented bound dashed. Shaded: the faults.\n");
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
