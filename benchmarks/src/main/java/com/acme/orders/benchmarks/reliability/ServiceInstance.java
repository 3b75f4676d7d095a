package com.acme.orders.benchmarks.reliability;

import com.acme.orders.benchmarks.servers.JavaProcesses;
import com.acme.orders.bootstrap.OrderServiceApplication;
import java.io.IOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One instance of the service, a JVM of its own so that {@code kill -9} and {@code SIGSTOP} are real: the shipped
 * {@link OrderServiceApplication} on this class path, configured by command-line properties. It keeps its ports
 * across restarts, as a pod keeps its address behind a load balancer.
 */
final class ServiceInstance implements AutoCloseable {

    /** Start-up speed and a small footprint: six server processes and three of these share two cores. */
    private static final List<String> JVM_OPTIONS =
            List.of("-Xms128m", "-Xmx384m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xss512k");

    final String name;
    final int port;
    private final int managementPort;
    private final List<String> arguments;
    private final Path log;
    private Process process;

    private ServiceInstance(String name, int port, int managementPort, List<String> arguments, Path log)
            throws IOException {
        this.name = name;
        this.port = port;
        this.managementPort = managementPort;
        this.arguments = arguments;
        this.log = log;
        this.process = launch();
    }

    static ServiceInstance start(String name, List<Integer> ports, List<String> properties, Path logs)
            throws IOException {
        var arguments = new ArrayList<>(properties);
        arguments.add("--server.port=" + ports.get(0));
        arguments.add("--management.server.port=" + ports.get(1));
        return new ServiceInstance(name, ports.get(0), ports.get(1), arguments, logs.resolve(name + ".log"));
    }

    private Process launch() throws IOException {
        var command = new ArrayList<String>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(JVM_OPTIONS);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(OrderServiceApplication.class.getName());
        command.addAll(arguments);
        return new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(Redirect.appendTo(log.toFile()))
                .start();
    }

    void restart() throws IOException {
        if (process.isAlive()) {
            throw new IllegalStateException(name + " still runs");
        }
        process = launch();
    }

    ProcessHandle process() {
        return process.toHandle();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    void awaitReady(Duration atMost) throws Exception {
        JavaProcesses.awaitReady(process, name, managementPort, atMost, log);
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            Signals.thaw(process.toHandle());
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        }
    }
}
