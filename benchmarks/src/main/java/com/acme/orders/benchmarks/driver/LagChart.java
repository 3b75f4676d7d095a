package com.acme.orders.benchmarks.driver;

import java.util.List;
import java.util.Locale;

/**
 * The picture of the expiry runs as SVG (no plotting library needed, diff-able in the repository): one row per run,
 * grouped by backlog, on a logarithmic time axis from 1 ms to 100 s. The thick bar is the lag to the committed
 * cancellation at p99, with ticks at p50 (black) and p99.9 (red); the thin bar below is the lag to the event on Kafka
 * at p99.
 */
final class LagChart {

    private static final int LABEL = 360;
    private static final int PLOT = 620;
    private static final int ROW = 26;
    private static final int TOP = 70;
    private static final double MIN_MS = 1;
    private static final double MAX_MS = 100_000;

    static String svg(List<ExpiryResult> results) {
        var sorted = results.stream()
                .sorted(java.util.Comparator.comparingInt(ExpiryResult::backlog)
                        .thenComparing(it -> it.approach().ordinal())
                        .thenComparingInt(ExpiryResult::rate))
                .toList();
        int height = TOP + ROW * sorted.size() + 40;
        int width = LABEL + PLOT + 30;
        var svg = new StringBuilder();
        svg.append(String.format(
                Locale.ROOT,
                "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" "
                        + "font-family=\"sans-serif\" font-size=\"12\">%n",
                width,
                height));
        svg.append(String.format(Locale.ROOT, "<rect width=\"%d\" height=\"%d\" fill=\"white\"/>%n", width, height));
        svg.append("<text x=\"10\" y=\"20\" font-size=\"15\" font-weight=\"bold\">Lag from payment deadline to "
                + "cancellation (log scale)</text>\n");
        svg.append("<rect x=\"10\" y=\"32\" width=\"14\" height=\"10\" fill=\"#3b6fb6\"/><text x=\"28\" y=\"41\">"
                + "committed, p99</text>");
        svg.append("<line x1=\"140\" y1=\"30\" x2=\"140\" y2=\"44\" stroke=\"black\" stroke-width=\"2\"/>"
                + "<text x=\"146\" y=\"41\">p50</text>");
        svg.append("<line x1=\"190\" y1=\"30\" x2=\"190\" y2=\"44\" stroke=\"#c0392b\" stroke-width=\"2\"/>"
                + "<text x=\"196\" y=\"41\">p99.9</text>");
        svg.append("<rect x=\"250\" y=\"35\" width=\"14\" height=\"5\" fill=\"#e39b2d\"/><text x=\"268\" y=\"41\">"
                + "event on Kafka, p99</text>\n");
        for (double ms = MIN_MS; ms <= MAX_MS; ms *= 10) {
            double x = x(ms);
            svg.append(String.format(
                    Locale.ROOT,
                    "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#ddd\"/>"
                            + "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\" fill=\"#555\">%s</text>%n",
                    x,
                    TOP - 12,
                    x,
                    height - 30,
                    x,
                    height - 14,
                    ms >= 1_000 ? (long) (ms / 1_000) + " s" : (long) ms + " ms"));
        }
        double target = x(500);
        svg.append(String.format(
                Locale.ROOT,
                "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#27ae60\" "
                        + "stroke-dasharray=\"4 3\"/><text x=\"%.1f\" y=\"%d\" fill=\"#27ae60\">500 ms target</text>%n",
                target,
                TOP - 12,
                target,
                height - 30,
                target + 4,
                TOP - 2));
        int y = TOP;
        for (ExpiryResult it : sorted) {
            String label = String.format(
                    Locale.ROOT, "%s, %,d/s, backlog %,d", it.approach().id(), it.rate(), it.backlog());
            String colour = it.unsettled() != 0 ? "#c0392b" : "black";
            svg.append(String.format(
                    Locale.ROOT,
                    "<text x=\"%d\" y=\"%d\" text-anchor=\"end\" fill=\"%s\">%s%s</text>%n",
                    LABEL - 8,
                    y + 14,
                    colour,
                    escape(label),
                    it.unsettled() > 0 ? " (not drained)" : it.unsettled() < 0 ? " (run failed)" : ""));
            var commit = it.commitLag();
            if (commit.count() > 0) {
                svg.append(String.format(
                        Locale.ROOT,
                        "<rect x=\"%d\" y=\"%d\" width=\"%.1f\" height=\"12\" " + "fill=\"#3b6fb6\"/>%n",
                        LABEL,
                        y + 3,
                        x(commit.p99()) - LABEL));
                svg.append(tick(commit.p50(), y, "black"));
                svg.append(tick(commit.p999(), y, "#c0392b"));
            }
            var kafka = it.kafkaLag();
            if (kafka.count() > 0) {
                svg.append(String.format(
                        Locale.ROOT,
                        "<rect x=\"%d\" y=\"%d\" width=\"%.1f\" height=\"5\" " + "fill=\"#e39b2d\"/>%n",
                        LABEL,
                        y + 17,
                        x(kafka.p99()) - LABEL));
            }
            y += ROW;
        }
        svg.append("</svg>\n");
        return svg.toString();
    }

    private static String tick(double ms, int y, String colour) {
        return String.format(
                Locale.ROOT,
                "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"%s\" " + "stroke-width=\"2\"/>%n",
                x(ms),
                y + 1,
                x(ms),
                y + 17,
                colour);
    }

    private static double x(double ms) {
        double clamped = Math.max(MIN_MS, Math.min(MAX_MS, ms));
        return LABEL + PLOT * Math.log10(clamped / MIN_MS) / Math.log10(MAX_MS / MIN_MS);
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;");
    }
}
