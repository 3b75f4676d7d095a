package com.acme.orders.benchmarks.limits;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.regex.Pattern;

/**
 * The driver checked against an established load generator: {@code wrk} (from the distribution's packages) placing
 * orders over the same number of connections, with the same body and customer tokens, right before the driver does the
 * same. If both see about the same rate, the driver is not what limits the figures.
 */
public final class WrkCrossCheck {

    private static final Pattern RATE = Pattern.compile("^Requests/sec:\\s+([0-9.]+)", Pattern.MULTILINE);
    private static final Pattern NON_2XX = Pattern.compile("Non-2xx or 3xx responses: (\\d+)");

    /** What wrk measured: requests per second, p50 and p99 in milliseconds, and the answers that were not 2xx. */
    public record Figures(double perSecond, double p50, double p99, long non2xx, String command) {}

    private WrkCrossCheck() {}

    public static Optional<String> unavailable() {
        return Command.onPath("wrk").isPresent()
                ? Optional.empty()
                : Optional.of("wrk is not installed (Debian: apt-get install wrk; benchmarks/run does this)");
    }

    /** Places orders with {@code connections} connections for {@code duration}, one token per connection. */
    public static Figures placeOrders(
            int port, int connections, Duration duration, String body, List<String> tokens, Path workDir)
            throws IOException, InterruptedException {
        Files.createDirectories(workDir);
        Path script = workDir.resolve("wrk-place.lua");
        var lua = new StringBuilder("local tokens = {");
        for (String token : tokens) {
            lua.append('"').append(token).append("\",");
        }
        lua.append("}\nlocal body = [[").append(body).append("]]\n");
        lua.append("""
                local threads = 0
                function setup(thread) threads = threads + 1; thread:set("first", threads) end
                function init(args) n = first end
                function request()
                  n = n + 1
                  return wrk.format("POST", "/v1/orders", {["Content-Type"] = "application/json",
                    ["Authorization"] = "Bearer " .. tokens[(n % #tokens) + 1]}, body)
                end
                """);
        Files.writeString(script, lua);
        var command = new Command(List.of(
                "wrk",
                "-t2",
                "-c" + connections,
                "-d" + duration.toSeconds() + "s",
                "--latency",
                "-s",
                script.toString(),
                "http://127.0.0.1:" + port + "/"));
        String output = command.run(workDir.resolve("wrk-place.log"), duration.plusMinutes(1));
        var rate = RATE.matcher(output);
        if (!rate.find()) {
            throw new IOException("no Requests/sec in the output of " + command + ": " + output);
        }
        var non2xx = NON_2XX.matcher(output);
        return new Figures(
                Double.parseDouble(rate.group(1)),
                percentile(output, "50%").orElse(Double.NaN),
                percentile(output, "99%").orElse(Double.NaN),
                non2xx.find() ? Long.parseLong(non2xx.group(1)) : 0,
                command.toString());
    }

    /** wrk's "     99%   12.34ms" line of --latency, in milliseconds. */
    static OptionalDouble percentile(String output, String label) {
        var line = Pattern.compile("^\\s+" + Pattern.quote(label) + "\\s+([0-9.]+)(us|ms|s)\\s*$", Pattern.MULTILINE)
                .matcher(output);
        if (!line.find()) {
            return OptionalDouble.empty();
        }
        double value = Double.parseDouble(line.group(1));
        return OptionalDouble.of(
                switch (line.group(2)) {
                    case "us" -> value / 1_000;
                    case "s" -> value * 1_000;
                    default -> value;
                });
    }
}
