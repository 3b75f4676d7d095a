package com.acme.orders.benchmarks.limits;

import com.acme.orders.benchmarks.servers.Servers;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the benchmark's Redis itself does per second for the deadline index's operations, measured by
 * redis-benchmark from 50 connections: adding deadlines one by one and pipelined, and reading a due batch.
 */
final class RedisBenchmarkLimits {

    private static final Logger log = LoggerFactory.getLogger(RedisBenchmarkLimits.class);
    private static final String KEY = "physical-limits:deadlines";
    private static final int CLIENTS = 50;

    /** A redis-benchmark run: the requests it sends and the command (words) it repeats. */
    private record Workload(String name, int requests, List<String> options, List<String> command) {}

    // "ord:" and a 12-digit __rand_int__: 16-byte members, like a short order key. The score is random too, so
    // that every ZADD inserts at a random place in the skip list, as deadlines do.
    private static final List<String> ZADD = List.of("ZADD", KEY, "__rand_int__", "ord:__rand_int__");
    private static final List<Workload> WORKLOADS = List.of(
            new Workload("ZADD of a 16-byte member, unpipelined", 300_000, List.of(), ZADD),
            new Workload("ZADD of a 16-byte member, pipelined 16", 2_000_000, List.of("-P", "16"), ZADD),
            new Workload(
                    "ZRANGEBYSCORE -inf +inf LIMIT 0 500 on the populated set",
                    20_000,
                    List.of(),
                    List.of("ZRANGEBYSCORE", KEY, "-inf", "+inf", "LIMIT", "0", "500")));

    List<LimitResult> measure(Servers servers, Path workDir) throws IOException, InterruptedException {
        Files.createDirectories(workDir);
        List<String> connection = List.of("-h", servers.redisHost(), "-p", Integer.toString(servers.redisPort()));
        List<LimitResult> results = new ArrayList<>();
        try {
            delete(connection, workDir);
            int run = 0;
            for (Workload workload : WORKLOADS) {
                List<String> arguments = new ArrayList<>(List.of("redis-benchmark"));
                arguments.addAll(connection);
                arguments.addAll(List.of(
                        "-c",
                        Integer.toString(CLIENTS),
                        "-n",
                        Integer.toString(workload.requests()),
                        "-r",
                        "1000000000000",
                        "--csv"));
                arguments.addAll(workload.options());
                arguments.addAll(workload.command());
                var command = new Command(arguments);
                log.info("Running {}", command);
                Path outputFile = workDir.resolve("redis-benchmark-" + ++run + ".log");
                String output = command.run(outputFile, Duration.ofMinutes(3));
                double perSecond = requestsPerSecond(output)
                        .orElseThrow(() ->
                                new IOException("no requests per second in the output of " + command + ":\n" + output));
                log.info("{}: {} ops/s", workload.name(), Math.round(perSecond));
                results.add(new LimitResult(
                        "redis-benchmark",
                        workload.name() + ", " + CLIENTS + " clients",
                        perSecond,
                        "ops/s",
                        command.toString()));
            }
        } finally {
            delete(connection, workDir);
        }
        return results;
    }

    /**
     * The rps column of redis-benchmark's --csv output: a header line {@code "test","rps",...}, then one line per
     * test, e.g. {@code "ZADD physical-limits:deadlines ...","71428.57","0.651",...}.
     */
    static OptionalDouble requestsPerSecond(String csv) {
        return csv.lines()
                .filter(line -> line.startsWith("\"") && !line.startsWith("\"test\""))
                .map(line -> line.split("\",\""))
                .filter(fields -> fields.length > 1)
                .mapToDouble(fields -> Double.parseDouble(fields[1].replace("\"", "")))
                .reduce((first, last) -> last);
    }

    /** UNLINK, not DEL: a million-member set is freed in the background instead of blocking Redis for a second. */
    private static void delete(List<String> connection, Path workDir) throws IOException, InterruptedException {
        List<String> arguments = new ArrayList<>(List.of("redis-cli"));
        arguments.addAll(connection);
        arguments.addAll(List.of("UNLINK", KEY));
        new Command(arguments).run(workDir.resolve("redis-cli.log"), Duration.ofSeconds(30));
    }
}
