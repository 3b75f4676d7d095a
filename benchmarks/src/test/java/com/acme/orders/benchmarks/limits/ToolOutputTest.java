package com.acme.orders.benchmarks.limits;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ToolOutputTest {

    /** pgbench 15's summary, as printed after a -T run. */
    private static final String PGBENCH = """
            pgbench (15.18 (Debian 15.18-0+deb12u1), server 17.11)
            transaction type: benchmarks/target/limits/cancel-one.sql
            scaling factor: 1
            query mode: simple
            number of clients: 4
            number of threads: 2
            maximum number of tries: 1
            duration: 10 s
            number of transactions actually processed: 7075
            number of failed transactions: 0 (0.000%)
            latency average = 5.651 ms
            initial connection time = 11.525 ms
            tps = 707.481337 (without initial connection time)
            """;

    @Test
    void pgbench_transactions_per_second_and_count_are_read_from_its_summary() {
        assertEquals(707.481337, PgbenchCancellations.tps(PGBENCH).orElseThrow());
        assertEquals(7075, PgbenchCancellations.processed(PGBENCH).orElseThrow());
    }

    @Test
    void a_pgbench_output_without_a_summary_has_no_rate() {
        assertTrue(PgbenchCancellations.tps("pgbench: error: connection to server failed")
                .isEmpty());
    }

    @Test
    void redis_benchmark_requests_per_second_are_read_from_its_csv_line() {
        String csv = """
                "test","rps","avg_latency_ms","min_latency_ms","p50_latency_ms","p95_latency_ms","p99_latency_ms","max_latency_ms"
                "ZADD physical-limits:deadlines __rand_int__ ord:__rand_int__","34262.39","1.401","0.208","1.287","2.287","3.399","21.439"
                """;
        assertEquals(34262.39, RedisBenchmarkLimits.requestsPerSecond(csv).orElseThrow());
    }

    @Test
    void a_redis_benchmark_output_without_a_result_line_has_no_rate() {
        assertTrue(RedisBenchmarkLimits.requestsPerSecond("Could not connect to Redis at 127.0.0.1:1")
                .isEmpty());
    }

    @Test
    void the_command_line_shown_can_be_pasted_into_a_shell_and_hides_the_password() {
        var command = new Command(
                List.of("redis-benchmark", "ZRANGEBYSCORE", "k", "-inf", "+inf", "it's"),
                Map.of("PGPASSWORD", "secret"));
        assertEquals("PGPASSWORD=… redis-benchmark ZRANGEBYSCORE k -inf +inf 'it'\\''s'", command.toString());
    }
}
