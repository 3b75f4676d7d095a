package com.acme.orders.benchmarks.driver;

import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

/**
 * A target judged over the repeated runs of one setting (`--repeat=N`): the median and the spread of a figure, and a
 * verdict that says met or missed only when every run agrees. One run per setting cannot tell a difference from noise:
 * two quick runs of the same overload setting differed by a third (docs/front-door.md).
 */
record RepeatedVerdict(int runs, double median, double lowest, double highest, String verdict) {

    static <T> RepeatedVerdict of(List<T> runs, java.util.function.ToDoubleFunction<T> figure, Predicate<T> meets) {
        if (runs.isEmpty()) {
            throw new IllegalArgumentException("a verdict needs at least one run");
        }
        double[] values = runs.stream().mapToDouble(figure).sorted().toArray();
        double median = values.length % 2 == 1
                ? values[values.length / 2]
                : (values[values.length / 2 - 1] + values[values.length / 2]) / 2;
        long met = runs.stream().filter(meets).count();
        String verdict =
                met == runs.size() ? "met" : met == 0 ? "missed" : "undecided: met in " + met + " of " + runs.size();
        return new RepeatedVerdict(runs.size(), median, values[0], values[values.length - 1], verdict);
    }

    /**
     * "p99 412 ms" for one run; "p99 412 ms (median of 3 runs, 380 to 515 ms)" for several. {@code unit} follows the
     * number as given: " ms", "/s".
     */
    String describe(String what, String unit) {
        if (runs == 1) {
            return String.format(Locale.ROOT, "%s %,.0f%s", what, median, unit);
        }
        return String.format(
                Locale.ROOT,
                "%s %,.0f%s (median of %d runs, %,.0f to %,.0f%s)",
                what,
                median,
                unit,
                runs,
                lowest,
                highest,
                unit);
    }
}
