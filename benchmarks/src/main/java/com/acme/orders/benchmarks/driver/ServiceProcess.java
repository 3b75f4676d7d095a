package com.acme.orders.benchmarks.driver;

import com.acme.orders.benchmarks.Approach;
import com.acme.orders.benchmarks.approaches.CompetingApproaches;
import com.acme.orders.benchmarks.servers.JavaProcesses;
import com.acme.orders.benchmarks.servers.Servers;
import com.acme.orders.benchmarks.service.BenchmarkedService;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import java.util.concurrent.TimeUnit;

/**
 * One service JVM under measurement: {@link BenchmarkedService} on the driver's own class path, with the same heap
 * and flags for every approach, its output in a log file. Closing it stops it the way a deploy would (SIGTERM, a
 * graceful shutdown), and kills it if that takes too long.
 */
final class ServiceProcess implements AutoCloseable {

    static final List<String> JVM_OPTIONS = List.of("-Xms1g", "-Xmx2g", "-XX:+UseG1GC");

    private final Process process;
    private final int port;
    /** The actuator's port (management.server.port): the readiness probe is there, not on the API's. */
    private final int managementPort;

    private final Path log;
    /** A driver stopped by a signal (Ctrl-C, benchmarks/run's trap) takes its service JVM with it. */
    private final Thread stopWithTheDriver;

    private ServiceProcess(Process process, int port, int managementPort, Path log) {
        this.process = process;
        this.port = port;
        this.managementPort = managementPort;
        this.log = log;
        this.stopWithTheDriver = new Thread(process::destroyForcibly, "stop-service-" + process.pid());
        Runtime.getRuntime().addShutdownHook(stopWithTheDriver);
    }

    static ServiceProcess start(Approach approach, Servers servers, Path logs, String name, List<String> extra)
            throws IOException {
        int port = freePort();
        int managementPort = freePort();
        var command = new ArrayList<String>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.addAll(JVM_OPTIONS);
        // A profile of every service JVM, for finding what limits a run: -Dbenchmark.profile=true on the driver.
        if (Boolean.getBoolean("benchmark.profile")) {
            command.add("-XX:StartFlightRecording=filename="
                    + logs.toAbsolutePath().resolve(name + ".jfr") + ",settings=profile,dumponexit=true");
        }
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(BenchmarkedService.class.getName());
        command.addAll(servers.springArguments());
        command.add("--server.port=" + port);
        command.add("--management.server.port=" + managementPort);
        command.addAll(CompetingApproaches.arguments(approach));
        command.add("--orders.security.jwt.secret=" + Credentials.TOKEN_SECRET);
        command.add("--orders.payments.signing-secrets=" + Credentials.PAYMENT_SECRET);
        command.add("--logging.level.root=WARN");
        command.add("--logging.level.com.acme=INFO");
        command.addAll(extra);
        Files.createDirectories(logs);
        Path log = logs.resolve(name + ".log");
        var process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        return new ServiceProcess(process, port, managementPort, log);
    }

    URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    /** Waits for the readiness probe to answer UP. */
    void awaitReady(Duration atMost) throws Exception {
        JavaProcesses.awaitReady(process, "the service", managementPort, atMost, log);
    }

    int port() {
        return port;
    }

    /**
     * Bytes this JVM allocated since it started, read right after a full collection ({@code jcmd GC.run}) so that it is
     * exact: Micrometer's {@code jvm.gc.memory.allocated} adds the young generation's growth at each collection only.
     * Empty when the JDK has no {@code jcmd} or the metric cannot be read.
     */
    OptionalDouble allocatedBytes() throws InterruptedException {
        try {
            var jcmd = new ProcessBuilder(
                            Path.of(System.getProperty("java.home"), "bin", "jcmd")
                                    .toString(),
                            Long.toString(process.pid()),
                            "GC.run")
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            if (!jcmd.waitFor(60, TimeUnit.SECONDS) || jcmd.exitValue() != 0) {
                return OptionalDouble.empty();
            }
            var scrape = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(
                                            URI.create("http://localhost:" + managementPort + "/actuator/prometheus"))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            return scrape.body()
                    .lines()
                    .filter(it -> it.startsWith(ALLOCATED + " ") || it.startsWith(ALLOCATED + "{"))
                    .mapToDouble(it -> Double.parseDouble(it.substring(it.lastIndexOf(' ') + 1)))
                    .reduce(Double::sum);
        } catch (IOException | NumberFormatException e) {
            return OptionalDouble.empty();
        }
    }

    private static final String ALLOCATED = "jvm_gc_memory_allocated_bytes_total";

    Path log() {
        return log;
    }

    long pid() {
        return process.pid();
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
        try {
            Runtime.getRuntime().removeShutdownHook(stopWithTheDriver);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running or about to: nothing left for it to do
        }
    }

    private static int freePort() throws IOException {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
