package com.acme.orders.adapter.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.nio.file.Path;
import java.sql.DriverManager;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalPostgresTest {

    @TempDir
    Path dataDirectory;

    @Test
    void what_a_local_run_stored_is_still_there_after_a_restart_on_the_same_port() throws Exception {
        int port = freePort();
        try (var first = LocalPostgres.start(dataDirectory, port)) {
            execute(first, "create table kept (note text); insert into kept values ('from yesterday')");
        }

        try (var second = LocalPostgres.start(dataDirectory, port)) {
            assertThat(second.jdbcUrl()).contains(":" + port + "/");
            try (var connection = DriverManager.getConnection(second.jdbcUrl(), second.username(), second.password());
                    var rows = connection.createStatement().executeQuery("select note from kept")) {
                assertThat(rows.next()).isTrue();
                assertThat(rows.getString("note")).isEqualTo("from yesterday");
            }
        }
    }

    private static void execute(LocalPostgres postgres, String sql) throws Exception {
        try (var connection =
                DriverManager.getConnection(postgres.jdbcUrl(), postgres.username(), postgres.password())) {
            connection.createStatement().execute(sql);
        }
    }

    private static int freePort() throws Exception {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
