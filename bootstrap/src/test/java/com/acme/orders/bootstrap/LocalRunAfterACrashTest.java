package com.acme.orders.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.acme.orders.adapter.postgres.LocalPostgres;
import com.acme.orders.adapter.redis.LocalRedis;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A local run killed outright leaves its embedded PostgreSQL and Redis running on its data; the next run stops them
 * and starts at the first try, on the same data.
 */
class LocalRunAfterACrashTest {

    @Test
    void servers_a_killed_run_left_behind_are_stopped_and_the_next_run_starts_on_the_same_data(@TempDir Path data)
            throws Exception {
        Process crashed = new ProcessBuilder(
                        ProcessHandle.current().info().command().orElse("java"),
                        "-cp",
                        System.getProperty("java.class.path"),
                        ServersOfARunKilledOutright.class.getName(),
                        data.toString())
                .redirectErrorStream(true)
                .start();
        assertThat(readyWithin(crashed, 120))
                .as("the first run's servers started")
                .isTrue();
        crashed.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        var orphan = pidOf(data.resolve("postgres").resolve("postmaster.pid"));
        assertThat(ProcessHandle.of(orphan).map(ProcessHandle::isAlive))
                .as("PostgreSQL outlived its run")
                .contains(true);

        LocalOrderService.stopLeftovers(data);

        assertThat(ProcessHandle.of(orphan).map(ProcessHandle::isAlive).orElse(false))
                .isFalse();
        try (var postgres = LocalPostgres.start(data.resolve("postgres"), freePort());
                var redis = LocalRedis.start(data.resolve("redis"), freePort());
                var connection = DriverManager.getConnection(postgres.jdbcUrl(), postgres.username(), "")) {
            var rows = connection.createStatement().executeQuery("SELECT count(*) FROM crash_test");
            rows.next();
            assertThat(rows.getInt(1)).as("the data of the first run").isEqualTo(1);
        }
    }

    /** The first run: its servers, some data, then it waits to be killed. */
    static final class ServersOfARunKilledOutright {
        public static void main(String[] args) throws Exception {
            Path data = Path.of(args[0]);
            var postgres = LocalPostgres.start(data.resolve("postgres"), freePort());
            LocalRedis.start(data.resolve("redis"), freePort());
            try (var connection = DriverManager.getConnection(postgres.jdbcUrl(), postgres.username(), "")) {
                connection
                        .createStatement()
                        .execute("CREATE TABLE crash_test (id int); INSERT INTO crash_test VALUES (1)");
            }
            System.out.println("READY");
            System.out.flush();
            Thread.sleep(Long.MAX_VALUE);
        }
    }

    private static boolean readyWithin(Process process, int seconds) throws Exception {
        var ready = CompletableFuture.supplyAsync(() -> {
            try (var lines =
                    new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = lines.readLine()) != null) {
                    if (line.equals("READY")) {
                        return true;
                    }
                }
                return false;
            } catch (IOException e) {
                return false;
            }
        });
        return ready.get(seconds, TimeUnit.SECONDS);
    }

    private static long pidOf(Path pidFile) throws IOException {
        return Long.parseLong(Files.readAllLines(pidFile).getFirst().strip());
    }

    private static int freePort() throws IOException {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
