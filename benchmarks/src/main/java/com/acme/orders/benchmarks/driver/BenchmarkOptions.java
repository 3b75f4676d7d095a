package com.acme.orders.benchmarks.driver;

import com.acme.orders.benchmarks.Approach;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What to run, from {@code --name=value} arguments (all optional but {@code --servers}). The defaults are the full
 * matrix of record; {@code --quick} shrinks it to a run of about half an hour.
 */
record BenchmarkOptions(
        Path serversFile,
        Path docs,
        List<Approach> approaches,
        List<Integer> serviceRates,
        List<Integer> competitorRates,
        List<Integer> backlogs,
        Duration window,
        Duration giveUpAfter,
        List<String> workloads,
        List<Integer> frontDoorClients,
        List<Integer> frontDoorRates,
        Duration frontDoorTime,
        Duration frontDoorWarmUp,
        List<Integer> mixRates,
        double mixPaidShare,
        int overloadRate,
        int overloadClients,
        int overloadCustomerRate,
        int repeat,
        int herd,
        int flushRate,
        String commandLine) {

    static BenchmarkOptions parse(String[] args) {
        Map<String, String> given = new LinkedHashMap<>();
        for (String arg : args) {
            if (!arg.startsWith("--")) {
                throw new IllegalArgumentException("arguments look like --name=value, not " + arg);
            }
            int eq = arg.indexOf('=');
            given.put(eq < 0 ? arg.substring(2) : arg.substring(2, eq), eq < 0 ? "true" : arg.substring(eq + 1));
        }
        boolean quick = Boolean.parseBoolean(given.getOrDefault("quick", "false"));
        var options = new BenchmarkOptions(
                Path.of(required(given, "servers")),
                Path.of(given.getOrDefault("docs", "docs")),
                list(given.getOrDefault("approaches", "service,skip-locked,scan,keyspace,redisson")).stream()
                        .map(Approach::of)
                        .toList(),
                ints(given.getOrDefault("service-rates", "1000,5000,10000")),
                ints(given.getOrDefault("competitor-rates", quick ? "1000" : "1000,5000")),
                ints(given.getOrDefault("backlogs", quick ? "0,100000" : "0,1000000")),
                Duration.ofSeconds(Long.parseLong(given.getOrDefault("window-seconds", quick ? "5" : "10"))),
                Duration.ofSeconds(Long.parseLong(given.getOrDefault("give-up-seconds", "60"))),
                list(given.getOrDefault("workloads", "front-door,expiry,mix,overload,herd,flush,limits")),
                ints(given.getOrDefault("front-door-clients", "8,32,128")),
                ints(given.getOrDefault("front-door-rates", "500,1000,2000,4000")),
                Duration.ofSeconds(Long.parseLong(given.getOrDefault("front-door-seconds", quick ? "5" : "10"))),
                Duration.ofSeconds(
                        Long.parseLong(given.getOrDefault("front-door-warm-up-seconds", quick ? "8" : "15"))),
                ints(given.getOrDefault("mix-rates", "1000,2000")),
                Double.parseDouble(given.getOrDefault("mix-paid-share", "0.9")),
                Integer.parseInt(given.getOrDefault("overload-rate", "5000")),
                Integer.parseInt(given.getOrDefault("overload-clients", "128")),
                Integer.parseInt(given.getOrDefault("overload-customer-rate", "100")),
                repeat(given.getOrDefault("repeat", "1")),
                Integer.parseInt(given.getOrDefault("herd", "100000")),
                Integer.parseInt(given.getOrDefault("flush-rate", "2000")),
                "benchmarks/run"
                        + (args.length == 0
                                        ? ""
                                        : " "
                                                + String.join(
                                                        " ",
                                                        Arrays.stream(args)
                                                                .filter(it -> !it.startsWith("--servers=")
                                                                        && !it.startsWith("--docs="))
                                                                .toList()))
                                .stripTrailing());
        if (!options.serviceRates().isEmpty() && options.window().isZero()) {
            throw new IllegalArgumentException("--window-seconds must be positive");
        }
        return options;
    }

    boolean runs(String workload) {
        return workloads.contains(workload);
    }

    List<Integer> ratesOf(Approach approach) {
        return approach == Approach.SERVICE ? serviceRates : competitorRates;
    }

    private static String required(Map<String, String> given, String name) {
        String value = given.get(name);
        if (value == null) {
            throw new IllegalArgumentException("--" + name + "=... is required");
        }
        return value;
    }

    private static List<String> list(String text) {
        var result = new ArrayList<String>();
        for (String it : text.split(",")) {
            if (!it.isBlank()) {
                result.add(it.strip());
            }
        }
        return result;
    }

    private static List<Integer> ints(String text) {
        return list(text).stream()
                .map(it -> Integer.parseInt(it.replace("_", "")))
                .toList();
    }

    /** How many times each setting of this service runs (expiry and overload): a verdict from one run is noise. */
    private static int repeat(String given) {
        int repeat = Integer.parseInt(given);
        if (repeat < 1) {
            throw new IllegalArgumentException("--repeat is at least 1, got " + repeat);
        }
        return repeat;
    }
}
