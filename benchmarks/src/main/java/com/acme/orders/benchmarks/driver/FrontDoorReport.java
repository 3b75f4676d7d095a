package com.acme.orders.benchmarks.driver;

import com.acme.orders.benchmarks.limits.LimitResult;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/** The front-door part of {@code docs/benchmarks.md} and its CSV file: targets, tables and baselines of one run. */
final class FrontDoorReport {

    private static final Pattern MIX_REFUNDS =
            Pattern.compile("of (\\d+) sent at least 100 ms before their deadline, (\\d+) answered REFUND_REQUESTED; "
                    + "payment latency from the intended send p50 (\\d+) ms, p99 (\\d+) ms");

    private FrontDoorReport() {}

    static String markdown(FrontDoorRun.Outcome run, List<ExpiryResult> expiry) {
        var md = new StringBuilder("\n## The front door: placing, paying and reading over REST\n\n");
        md.append("One service JVM, warmed up with two rounds of every workload at 32 clients. *Trivial* is the "
                + "baseline of the HTTP stack: an endpoint of the benchmarked service that answers a small JSON "
                + "object behind the same filters as the API (in-flight limit, body limit, the security chain "
                + "verifying the customer's bearer token), without touching PostgreSQL or Redis. *Place* posts an "
                + "order of two lines; *pay* a signed payment notification for an unpaid order (each order paid "
                + "once); *get* reads one of the customer's 40 orders; *list* reads the first page (20) of them. "
                + "128 customers, each with a token of their own. *pgbench* runs the statements the service sends "
                + "for a placement and a payment (`benchmarks/src/main/resources/limits/place-order.sql`, "
                + "`pay-order.sql`), prepared, at the same number of clients, fsync and synchronous commit on. "
                + "Refused answers are 503 `service-busy` with `Retry-After`.\n\n");
        String targets = targets(run, expiry);
        md.append("### Targets: the front door\n\n").append(targets).append('\n');
        if (targets.contains("**missed**")) {
            md.append(MISSED).append("\n\n");
        }
        md.append("### Closed model: as fast as the service answers\n\n");
        md.append(
                "| workload | clients | served/s | refused/s | failed | p50 | p99 | p99.9 | × trivial | × pgbench |\n");
        md.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (var it : run.loads()) {
            if (!it.model().equals("closed")) {
                continue;
            }
            var trivial = find(run, "trivial", "closed", it.level());
            var pgbench = pgbench(run, it.workload(), it.level());
            md.append(String.format(
                    Locale.ROOT,
                    "| %s | %d | %,.0f | %,.0f | %d | %s | %s | %s | %s | %s |%n",
                    it.workload(),
                    it.level(),
                    it.servedPerSecond(),
                    it.refused() / it.seconds(),
                    it.failed(),
                    Report.ms(it.latency().p50()),
                    Report.ms(it.latency().p99()),
                    Report.ms(it.latency().p999()),
                    trivial.map(t -> ratio(it.servedPerSecond(), t.servedPerSecond()))
                            .orElse("–"),
                    pgbench.map(p -> ratio(it.servedPerSecond(), p.perSecond())).orElse("–")));
        }
        md.append("\n### Open model: a constant arrival rate\n\n");
        md.append("Requests are due at the offered rate whatever the service does; latency is measured from the time "
                + "each was due, so a queue in the service or the driver shows in it (no coordinated omission).\n\n");
        md.append("| workload | offered/s | served/s | refused | failed | p50 | p99 | p99.9 | max |\n");
        md.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (var it : run.loads()) {
            if (!it.model().equals("open")) {
                continue;
            }
            md.append(String.format(
                    Locale.ROOT,
                    "| %s | %,d | %,.0f | %,d | %d | %s | %s | %s | %s |%n",
                    it.workload(),
                    it.level(),
                    it.servedPerSecond(),
                    it.refused(),
                    it.failed(),
                    Report.ms(it.latency().p50()),
                    Report.ms(it.latency().p99()),
                    Report.ms(it.latency().p999()),
                    Report.ms(it.latency().max())));
        }
        md.append("\n### Baselines\n\n");
        if (run.pgbench().isEmpty()) {
            md.append("pgbench did not run.\n");
        } else {
            md.append("| tool | workload | per second | command |\n|---|---|---:|---|\n");
            for (LimitResult it : run.pgbench()) {
                md.append(String.format(
                        Locale.ROOT,
                        "| %s | %s | %,.0f %s | `%s` |%n",
                        it.tool(),
                        it.workload(),
                        it.perSecond(),
                        it.unit(),
                        it.command().replace("|", "\\|")));
            }
        }
        if (run.wrk() != null && run.driverBesideWrk() != null) {
            var wrk = run.wrk();
            var driver = run.driverBesideWrk();
            md.append(String.format(
                    Locale.ROOT,
                    "%nThe driver checked against wrk, placing orders with 32 connections one after the other: wrk "
                            + "%,.0f orders/s (p50 %s, p99 %s, %d answers not 2xx), the driver %,.0f/s (p50 %s, p99 %s): "
                            + "× %.2f. wrk's command: `%s`.%n",
                    wrk.perSecond(),
                    Report.ms(wrk.p50()),
                    Report.ms(wrk.p99()),
                    wrk.non2xx(),
                    driver.servedPerSecond(),
                    Report.ms(driver.latency().p50()),
                    Report.ms(driver.latency().p99()),
                    driver.servedPerSecond() / wrk.perSecond(),
                    wrk.command()));
        }
        if (!run.notes().isEmpty()) {
            md.append("\nNotes: ").append(String.join("; ", run.notes())).append(".\n");
        }
        return md.toString();
    }

    /** The profiles behind a missed target are not part of a run: they are kept, with what would lift it, here. */
    static final String MISSED =
            "What limits a missed target, the profiles and thread dumps that show it, and what would"
                    + " lift it: [front-door.md](front-door.md#what-limits-it-now-and-what-would-lift-it) and"
                    + " [the mix](front-door.md#the-mix-payments-and-the-timeout-engine-on-one-pool).";

    private static String targets(FrontDoorRun.Outcome run, List<ExpiryResult> expiry) {
        var md = new StringBuilder();
        for (String workload : List.of("place", "pay")) {
            for (var it : run.loads()) {
                if (!it.workload().equals(workload) || !it.model().equals("closed")) {
                    continue;
                }
                var pgbench = pgbench(run, workload, it.level());
                if (pgbench.isEmpty()) {
                    continue;
                }
                double share = it.servedPerSecond() / pgbench.get().perSecond();
                md.append(String.format(
                        Locale.ROOT,
                        "- %s at %d clients: %,.0f/s against pgbench's %,.0f/s: %.0f%% (target ≥ 70%%): **%s**%n",
                        workload,
                        it.level(),
                        it.servedPerSecond(),
                        pgbench.get().perSecond(),
                        100 * share,
                        share >= 0.7 ? "met" : "missed"));
            }
            find(run, workload, "open", 1_000)
                    .ifPresent(it -> md.append(String.format(
                            Locale.ROOT,
                            "- %s offered 1,000/s: p99 %s from the intended send, %,d refused, %d failed (target"
                                    + " p99 ≤ 100 ms): **%s**%n",
                            workload,
                            Report.ms(it.latency().p99()),
                            it.refused(),
                            it.failed(),
                            it.latency().p99() <= 100 && it.refused() == 0 && it.failed() == 0 ? "met" : "missed")));
        }
        for (var it : run.loads()) {
            if (it.workload().equals("get") && it.model().equals("closed")) {
                find(run, "trivial", "closed", it.level()).ifPresent(trivial -> {
                    double share = it.servedPerSecond() / trivial.servedPerSecond();
                    md.append(String.format(
                            Locale.ROOT,
                            "- get at %d clients: %,.0f/s against the trivial endpoint's %,.0f/s: %.0f%% (target ≥"
                                    + " 60%%): **%s**%n",
                            it.level(),
                            it.servedPerSecond(),
                            trivial.servedPerSecond(),
                            100 * share,
                            share >= 0.6 ? "met" : "missed"));
                });
            }
        }
        for (var it : expiry) {
            if (!it.workload().startsWith("mix")) {
                continue;
            }
            boolean captured = it.workload().equals(ExpiryRun.MIX_CAPTURED);
            var matcher = MIX_REFUNDS.matcher(it.note());
            if (matcher.find()) {
                long refunded = Long.parseLong(matcher.group(2));
                long p99 = Long.parseLong(matcher.group(4));
                md.append(String.format(
                        Locale.ROOT,
                        "- mix at %,d orders/s due%s: of %s payments sent at least 100 ms before their deadline, %d"
                                + " ended REFUND_REQUESTED; payment p99 %d ms (target at 1,000/s: none, p99 ≤ 100 ms):"
                                + " **%s**%n",
                        it.rate(),
                        captured
                                ? ", payments with their capture time, retried when refused, "
                                        + ExpiryRun.SETTLEMENT_GRACE.toSeconds() + " s settlement grace"
                                : "",
                        matcher.group(1),
                        refunded,
                        p99,
                        it.rate() > 1_000 ? "reported" : refunded == 0 && p99 <= 100 ? "met" : "missed"));
            }
        }
        for (var it : expiry) {
            if (it.workload().equals("busy-door")) {
                boolean met = it.unsettled() == 0
                        && it.sustainedPerSecond() >= it.rate() * 0.98
                        && it.commitLag().p99() <= 500;
                md.append(String.format(
                        Locale.ROOT,
                        "- %,d orders/s falling due with the front door saturated (%s): %,.0f cancellations/s"
                                + " sustained, p99 to commit %s, %d left (target p99 ≤ 500 ms): **%s**%n",
                        it.rate(),
                        customersServed(it),
                        it.sustainedPerSecond(),
                        Report.ms(it.commitLag().p99()),
                        it.unsettled(),
                        met ? "met" : "missed"));
            } else if (it.workload().equals("busy-engine") && !it.customers().isEmpty()) {
                boolean met = it.customers().stream()
                        .allMatch(c -> c.latency().p99() <= 200 && c.refused() == 0 && c.failed() == 0);
                md.append(String.format(
                        Locale.ROOT,
                        "- customers while %,d orders/s fall due (%,.0f cancellations/s sustained): %s (target p99"
                                + " ≤ 200 ms, none refused): **%s**%n",
                        it.rate(),
                        it.sustainedPerSecond(),
                        customersServed(it),
                        met ? "met" : "missed"));
            }
        }
        return md.length() == 0 ? "Not measured in this run.\n" : md.toString();
    }

    private static String customersServed(ExpiryResult run) {
        var parts = new java.util.ArrayList<String>();
        for (var it : run.customers()) {
            parts.add(String.format(
                    Locale.ROOT,
                    "%s %,.0f/s served, p99 %s, %,d refused, %d failed",
                    it.workload(),
                    it.servedPerSecond(),
                    Report.ms(it.latency().p99()),
                    it.refused(),
                    it.failed()));
        }
        return parts.isEmpty() ? "no customer figures" : String.join("; ", parts);
    }

    /**
     * The timeout engine and the front door under each other's load: the wave of due orders of the expiry workload
     * with customers beside it ({@link CustomersBeside}).
     */
    static String overload(List<ExpiryResult> expiry) {
        var runs =
                expiry.stream().filter(it -> it.workload().startsWith("busy-")).toList();
        if (runs.isEmpty()) {
            return "";
        }
        var md = new StringBuilder("\n## Overload: the timeout engine and the customers side by side\n\n");
        md.append("The expiry wave (no payments) with customers on the front door for the wave's window, from its "
                + "first deadline. *busy-door*: clients placing orders one after the other as fast as they are "
                + "answered, so the front door stays full; does HTTP load starve the timeout worker? *busy-engine*: "
                + "customers placing and reading orders at a constant rate (latency from the intended send); does "
                + "the wave starve the customers? Both warm the customers' requests up first.\n\n");
        md.append(Report.expiryTable(runs));
        md.append("\n| run | customers' workload | model | level | served/s | refused | failed | p50 | p99 | p99.9 |"
                + " max |\n|---|---|---|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (var run : runs) {
            for (var it : run.customers()) {
                md.append(String.format(
                        Locale.ROOT,
                        "| %s | %s | %s | %,d | %,.0f | %,d | %d | %s | %s | %s | %s |%n",
                        run.workload(),
                        it.workload(),
                        it.model(),
                        it.level(),
                        it.servedPerSecond(),
                        it.refused(),
                        it.failed(),
                        Report.ms(it.latency().p50()),
                        Report.ms(it.latency().p99()),
                        Report.ms(it.latency().p999()),
                        Report.ms(it.latency().max())));
            }
        }
        return md.toString();
    }

    static String csv(FrontDoorRun.Outcome run) {
        var csv = new StringBuilder("workload,model,level,seconds,served,refused,failed,served_per_s,p50_ms,p99_ms,"
                + "p999_ms,max_ms,refused_p99_ms\n");
        for (var it : run.loads()) {
            csv.append(String.format(
                    Locale.ROOT,
                    "%s,%s,%d,%.2f,%d,%d,%d,%.1f,%.2f,%.2f,%.2f,%.2f,%.2f%n",
                    it.workload(),
                    it.model(),
                    it.level(),
                    it.seconds(),
                    it.served(),
                    it.refused(),
                    it.failed(),
                    it.servedPerSecond(),
                    it.latency().p50(),
                    it.latency().p99(),
                    it.latency().p999(),
                    it.latency().max(),
                    it.refusedLatency().p99()));
        }
        for (LimitResult it : run.pgbench()) {
            csv.append(String.format(
                    Locale.ROOT,
                    "pgbench %s,closed,,,,,,%.1f,,,,,%n",
                    it.workload().replace(",", ""),
                    it.perSecond()));
        }
        return csv.toString();
    }

    private static Optional<FrontDoorLoad.Result> find(
            FrontDoorRun.Outcome run, String workload, String model, int level) {
        return run.loads().stream()
                .filter(it -> it.workload().equals(workload) && it.model().equals(model) && it.level() == level)
                .findFirst();
    }

    private static Optional<LimitResult> pgbench(FrontDoorRun.Outcome run, String workload, int clients) {
        return run.pgbench().stream()
                .filter(it -> it.workload().startsWith(workload + ", " + clients + " clients"))
                .findFirst();
    }

    private static String ratio(double value, double baseline) {
        return baseline > 0 ? String.format(Locale.ROOT, "%.2f", value / baseline) : "–";
    }
}
