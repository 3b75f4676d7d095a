package com.acme.orders.bootstrap;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;

/**
 * The runnable jar that {@code ./mvnw package} builds ({@code bootstrap-*-exec.jar}), started as a deployment starts
 * it: {@code java -jar} in a process of its own, configured by environment variables and nothing else. Its environment
 * holds only what the caller gives (plus the two ports), so nothing of the build's leaks into its configuration. Its
 * output goes to {@code target/production-jar.log}, shown in full when it fails to start.
 */
final class ProductionJar implements AutoCloseable {

    /** Set by the failsafe plugin in this module's pom: the jar the package phase just built. */
    private static final String JAR_PROPERTY = "orders.production-jar";

    private final Process process;
    private final Path log;
    private final int apiPort;
    private final int managementPort;
    private final HttpClient http = HttpClient.newHttpClient();

    private ProductionJar(Process process, Path log, int apiPort, int managementPort) {
        this.process = process;
        this.log = log;
        this.apiPort = apiPort;
        this.managementPort = managementPort;
    }

    static ProductionJar start(Map<String, String> environment) throws IOException {
        String jar = System.getProperty(JAR_PROPERTY);
        if (jar == null || !Files.isRegularFile(Path.of(jar))) {
            throw new IllegalStateException("no runnable jar at " + JAR_PROPERTY + "=" + jar
                    + "; this test runs in the integration-test phase, after package (./mvnw verify)");
        }
        return start(
                List.of(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        // Start-up speed on a CI machine of two cores; the JVM's flags are not what is under test.
                        "-XX:TieredStopAtLevel=1",
                        "-jar",
                        jar),
                environment,
                Path.of("target", "production-jar.log"));
    }

    /**
     * The service started by {@code command} instead, such as the container image's entry point under a launcher
     * ({@link ContainerImageIT}). A launcher's own children are what {@link #terminate} signals.
     */
    static ProductionJar start(List<String> command, Map<String, String> environment, Path log) throws IOException {
        int apiPort = freePort();
        int managementPort = freePort();
        var builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().clear();
        builder.environment().putAll(environment);
        builder.environment().put("SERVER_PORT", Integer.toString(apiPort));
        builder.environment().put("MANAGEMENT_SERVER_PORT", Integer.toString(managementPort));
        return new ProductionJar(builder.start(), log, apiPort, managementPort);
    }

    /** Waits until the readiness probe on the management port answers 200, as a kubelet would before routing to it. */
    void awaitReady(Duration atMost) throws Exception {
        var giveUp = Instant.now().plus(atMost);
        while (Instant.now().isBefore(giveUp)) {
            if (!process.isAlive()) {
                throw new AssertionError(
                        "the jar exited with " + process.exitValue() + " before it was ready:\n" + output());
            }
            try {
                if (readiness().statusCode() == 200) {
                    return;
                }
            } catch (IOException notListeningYet) {
                // still starting
            }
            Thread.sleep(200);
        }
        throw new AssertionError("the jar was not ready within " + atMost + ":\n" + output());
    }

    HttpResponse<String> readiness() throws IOException, InterruptedException {
        return http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + managementPort + "/actuator/health/readiness"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** A request to the API port; {@code authorization} may be null. */
    HttpResponse<String> send(String method, String path, String authorization, String body)
            throws IOException, InterruptedException {
        return JsonOverHttp.send(http, apiPort, method, path, authorization, body);
    }

    /**
     * SIGTERM, as Kubernetes or systemd stops a service, and waits for the process to end.
     *
     * @return the exit code, or empty if the process was still running after {@code atMost}
     */
    OptionalInt terminate(Duration atMost) throws InterruptedException {
        // A launcher (unshare) ignores SIGTERM and waits for its child: the service is signalled itself.
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        return process.waitFor(atMost.toMillis(), TimeUnit.MILLISECONDS)
                ? OptionalInt.of(process.exitValue())
                : OptionalInt.empty();
    }

    int apiPort() {
        return apiPort;
    }

    int managementPort() {
        return managementPort;
    }

    /** The service's own process: the launcher's child where there is a launcher, else the process started. */
    ProcessHandle service() {
        return process.children().findFirst().orElse(process.toHandle());
    }

    String output() {
        try {
            return String.join("\n", Files.exists(log) ? Files.readAllLines(log) : List.of());
        } catch (IOException e) {
            return "(output unreadable: " + e + ")";
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
    }

    private static int freePort() {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
