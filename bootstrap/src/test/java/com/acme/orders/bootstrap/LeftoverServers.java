package com.acme.orders.bootstrap;

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
 * Servers an earlier local run left running because it was killed outright (kill -9, the IDE's stop button, the OOM
 * killer): its embedded PostgreSQL and Redis are processes of their own and outlive it, holding their data directories
 * (PostgreSQL then refuses to start: "lock file postmaster.pid already exists"). Found by the pid files in those
 * directories and stopped, so that the next run starts at the first try. A pid is trusted only while its process still
 * runs the expected program.
 */
final class LeftoverServers {

    private static final Logger log = LoggerFactory.getLogger(LeftoverServers.class);

    private LeftoverServers() {}

    /** {@code pidFile}'s first line is a pid, as in PostgreSQL's postmaster.pid and Redis's pidfile. */
    static void stop(Path pidFile, String program) throws IOException {
        if (!Files.exists(pidFile)) {
            return;
        }
        Optional<ProcessHandle> process = Files.readAllLines(pidFile).stream()
                .findFirst()
                .map(String::strip)
                .filter(line -> line.matches("\\d+"))
                .flatMap(pid -> ProcessHandle.of(Long.parseLong(pid)))
                .filter(it -> it.info().commandLine().orElse("").contains(program));
        if (process.isEmpty()) {
            return;
        }
        log.warn(
                "Stopping {} (pid {}) left running by an earlier local run",
                program,
                process.get().pid());
        process.get().destroy();
        try {
            process.get().onExit().get(30, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            process.get().destroyForcibly();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
