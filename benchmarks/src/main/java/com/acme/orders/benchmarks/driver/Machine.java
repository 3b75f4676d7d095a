package com.acme.orders.benchmarks.driver;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.stream.Stream;
import org.apache.kafka.common.utils.AppInfoParser;

/** What the run ran on, read off the machine and the servers at the start of the run. */
record Machine(
        String date,
        int cores,
        String cpu,
        String memory,
        String os,
        String jdk,
        String postgres,
        String redis,
        String kafka,
        String serviceJvm) {

    static Machine describe(BenchmarkDatabase database, RedisProbe redis) throws Exception {
        return new Machine(
                OffsetDateTime.now(ZoneOffset.UTC)
                                .format(DateTimeFormatter.ISO_OFFSET_DATE_TIME)
                                .substring(0, 16)
                                .replace('T', ' ')
                        + " UTC",
                Runtime.getRuntime().availableProcessors(),
                firstValue(Path.of("/proc/cpuinfo"), "model name").orElse("unknown"),
                firstValue(Path.of("/proc/meminfo"), "MemTotal").orElse("unknown"),
                firstValue(Path.of("/etc/os-release"), "PRETTY_NAME")
                                .map(it -> it.replace("\"", ""))
                                .orElse(System.getProperty("os.name"))
                        + ", kernel " + System.getProperty("os.version"),
                System.getProperty("java.vm.vendor") + " " + System.getProperty("java.vm.name") + " "
                        + System.getProperty("java.version"),
                database.serverVersion(),
                redis.version(),
                AppInfoParser.getVersion(),
                String.join(" ", ServiceProcess.JVM_OPTIONS));
    }

    String markdown() {
        return "| | |\n|---|---|\n"
                + "| cores | " + cores + " (shared by the servers, the service and the driver) |\n"
                + "| CPU | " + cpu + " |\n"
                + "| memory | " + memory + " |\n"
                + "| OS | " + os + " |\n"
                + "| JDK | " + jdk + " |\n"
                + "| service JVM | " + serviceJvm + " |\n"
                + "| PostgreSQL | " + postgres + " |\n"
                + "| Redis | " + redis + " |\n"
                + "| Kafka | " + kafka + " (client library version; the broker runs the same release) |\n";
    }

    private static java.util.Optional<String> firstValue(Path file, String name) {
        try (Stream<String> lines = Files.lines(file)) {
            return lines.filter(it -> it.startsWith(name))
                    .findFirst()
                    .map(it -> it.substring(it.indexOf(it.contains(":") ? ':' : '=') + 1)
                            .strip());
        } catch (IOException e) {
            return java.util.Optional.empty();
        }
    }
}
