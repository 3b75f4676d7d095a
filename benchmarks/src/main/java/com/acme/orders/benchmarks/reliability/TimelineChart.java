package com.acme.orders.benchmarks.reliability;

import com.acme.orders.benchmarks.reliability.Faults.Fault;
import java.util.List;
import java.util.Locale;

/**
 * The run over time as SVG, written by the run itself (no plotting library, diff-able in the repository): above,
 * orders placed per second; below, the worst and the median lag of the timeout cancellations by the second their
 * deadline fell in, with the documented bound dashed; the faults as shaded bands across both.
 */
final class TimelineChart {

    private static final int LEFT = 70;
    private static final int WIDTH = 900;
    private static final int TOP = 50;
    private static final int RATE_HEIGHT = 140;
    private static final int GAP = 50;
    private static final int LAG_HEIGHT = 200;

    /**
     * @param placedPerSecond orders placed (201) in each second since the start
     * @param maxLagMillis    the worst lag of the orders due in each second (negative: cancelled early), or null
     * @param medianLagMillis their median
     */
    record Series(int[] placedPerSecond, Long[] maxLagMillis, Long[] medianLagMillis) {}

    static String svg(Series series, List<Fault> faults, long startMillis, long boundMillis) {
        int seconds = Math.max(1, series.placedPerSecond().length);
        int height = TOP + RATE_HEIGHT + GAP + LAG_HEIGHT + 60;
        int width = LEFT + WIDTH + 30;
        int maxRate = 1;
        for (int rate : series.placedPerSecond()) {
            maxRate = Math.max(maxRate, rate);
        }
        long maxLag = boundMillis * 3 / 2;
        long minLag = 0;
        for (Long lag : series.maxLagMillis()) {
            if (lag != null) {
                maxLag = Math.max(maxLag, lag);
                minLag = Math.min(minLag, lag);
            }
        }
        var svg = new StringBuilder();
        svg.append(format(
                "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" font-family=\"sans-serif\" "
                        + "font-size=\"12\">%n<rect width=\"%d\" height=\"%d\" fill=\"white\"/>%n",
                width, height, width, height));
        svg.append("<text x=\"10\" y=\"20\" font-size=\"15\" font-weight=\"bold\">Reliability run: orders placed per "
                + "second, timeout lag by deadline, faults shaded</text>\n");
        int lagTop = TOP + RATE_HEIGHT + GAP;
        for (Fault fault : faults) {
            if (fault.endMillis() - fault.startMillis() > seconds * 1000L / 2) {
                // A fault of the whole run (the fast clock) would shade everything: a line along the top instead.
                svg.append(format(
                        "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#922b21\" stroke-width=\"3\"/>"
                                + "<text x=\"%d\" y=\"%d\" font-size=\"10\" fill=\"#922b21\">%s</text>%n",
                        LEFT, TOP - 14, LEFT + WIDTH, TOP - 14, LEFT + WIDTH - 260, TOP - 18, escape(fault.what())));
                continue;
            }
            double x1 = x((fault.startMillis() - startMillis) / 1000.0, seconds);
            double x2 = Math.max(x1 + 2, x((fault.endMillis() - startMillis) / 1000.0, seconds));
            svg.append(format(
                    "<rect x=\"%.1f\" y=\"%d\" width=\"%.1f\" height=\"%d\" fill=\"#f5b7b1\" opacity=\"0.6\"/>%n",
                    x1, TOP - 10, x2 - x1, lagTop + LAG_HEIGHT - TOP + 10));
            svg.append(format(
                    "<text x=\"%.1f\" y=\"%d\" font-size=\"10\" fill=\"#922b21\" transform=\"rotate(90 %.1f %d)\">%s"
                            + "</text>%n",
                    x1 + 2, TOP - 6, x1 + 2, TOP - 6, escape(shortName(fault.what()))));
        }
        // Rate panel.
        axis(svg, TOP, RATE_HEIGHT, "placed/s", 0, maxRate, seconds);
        var rate = new StringBuilder();
        for (int s = 0; s < series.placedPerSecond().length; s++) {
            rate.append(format(
                    "%.1f,%.1f ",
                    x(s + 0.5, seconds),
                    TOP + RATE_HEIGHT - RATE_HEIGHT * (double) series.placedPerSecond()[s] / maxRate));
        }
        svg.append("<polyline fill=\"none\" stroke=\"#3b6fb6\" stroke-width=\"1.5\" points=\"")
                .append(rate)
                .append("\"/>\n");
        // Lag panel.
        axis(svg, lagTop, LAG_HEIGHT, "lag ms", minLag, maxLag, seconds);
        double boundY = y(boundMillis, lagTop, minLag, maxLag);
        svg.append(format(
                "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#27ae60\" stroke-dasharray=\"5 3\"/>"
                        + "<text x=\"%d\" y=\"%.1f\" fill=\"#27ae60\">bound %d ms</text>%n",
                LEFT, boundY, LEFT + WIDTH, boundY, LEFT + WIDTH - 110, boundY - 4, boundMillis));
        double zeroY = y(0, lagTop, minLag, maxLag);
        svg.append(format(
                "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#999\"/>%n",
                LEFT, zeroY, LEFT + WIDTH, zeroY));
        dots(svg, series.maxLagMillis(), "#c0392b", lagTop, minLag, maxLag, seconds);
        dots(svg, series.medianLagMillis(), "#333", lagTop, minLag, maxLag, seconds);
        int legend = lagTop + LAG_HEIGHT + 40;
        svg.append(format(
                "<circle cx=\"%d\" cy=\"%d\" r=\"3\" fill=\"#c0392b\"/><text x=\"%d\" y=\"%d\">worst lag of the "
                        + "orders due that second (below 0: cancelled before the deadline)</text>%n",
                LEFT, legend - 4, LEFT + 8, legend));
        svg.append(format(
                "<circle cx=\"%d\" cy=\"%d\" r=\"3\" fill=\"#333\"/><text x=\"%d\" y=\"%d\">median</text>%n",
                LEFT + 520, legend - 4, LEFT + 528, legend));
        svg.append("</svg>\n");
        return svg.toString();
    }

    private static void axis(StringBuilder svg, int top, int height, String label, long min, long max, int seconds) {
        svg.append(format(
                "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"black\"/>"
                        + "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"black\"/>%n",
                LEFT, top, LEFT, top + height, LEFT, top + height, LEFT + WIDTH, top + height));
        svg.append(format("<text x=\"5\" y=\"%d\">%s</text>%n", top - 4, label));
        svg.append(format("<text x=\"%d\" y=\"%d\" text-anchor=\"end\">%d</text>%n", LEFT - 4, top + 10, max));
        svg.append(format("<text x=\"%d\" y=\"%d\" text-anchor=\"end\">%d</text>%n", LEFT - 4, top + height, min));
        int step = Math.max(10, (seconds / 10 + 9) / 10 * 10);
        for (int s = 0; s <= seconds; s += step) {
            svg.append(format(
                    "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\" fill=\"#555\">%d s</text>%n",
                    x(s, seconds), top + height + 14, s));
        }
    }

    private static void dots(
            StringBuilder svg, Long[] values, String colour, int top, long min, long max, int seconds) {
        for (int s = 0; s < values.length; s++) {
            if (values[s] != null) {
                svg.append(format(
                        "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"2.5\" fill=\"%s\"/>%n",
                        x(s + 0.5, seconds), y(values[s], top, min, max), colour));
            }
        }
    }

    private static double x(double second, int seconds) {
        return LEFT + WIDTH * Math.max(0, Math.min(seconds, second)) / seconds;
    }

    private static double y(long value, int top, long min, long max) {
        return top + LAG_HEIGHT - LAG_HEIGHT * (double) (value - min) / Math.max(1, max - min);
    }

    /** Up to the first comma or colon: the label runs down the plot, the table of the report has the rest. */
    private static String shortName(String what) {
        int end = what.length();
        for (char stop : new char[] {',', ':', '('}) {
            int at = what.indexOf(stop);
            if (at > 0 && at < end) {
                end = at;
            }
        }
        return what.substring(0, end).strip();
    }

    private static String format(String pattern, Object... values) {
        return String.format(Locale.ROOT, pattern, values);
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;");
    }
}
