package com.acme.orders.benchmarks.servers;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Servers that a previous BenchmarkServers left running because it was killed outright (SIGKILL, the OOM killer),
 * found by the pid files in its data directories and stopped, so that they neither hold memory nor listen beside the
 * new ones. A pid is trusted only if its process still runs the expected program.
 */
final class Leftovers {

    private static final Logger log = LoggerFactory.getLogger(Leftovers.class);

    private Leftovers() {}

    /** {@code pidFile}'s first line is a pid, as in PostgreSQL's postmaster.pid, Redis's pidfile and ours for Kafka. */
    static void stop(Path pidFile, String program) throws IOException, InterruptedException {
        if (!Files.exists(pidFile)) {
            return;
        }
        Optional<ProcessHandle> process = Files.readAllLines(pidFile).stream()
                .findFirst()
                .map(String::strip)
                .filter(line -> line.matches("\\d+"))
                .flatMap(pid -> ProcessHandle.of(Long.parseLong(pid)))
                .filter(it -> it.info().commandLine().orElse("").contains(program));
        if (process.isPresent()) {
            log.warn(
                    "Stopping {} (pid {}) left running by an earlier run",
                    program,
                    process.get().pid());
            process.get().destroy();
            try {
                process.get().onExit().get(30, TimeUnit.SECONDS);
            } catch (ExecutionException | TimeoutException e) {
                process.get().destroyForcibly();
            }
        }
    }
}
