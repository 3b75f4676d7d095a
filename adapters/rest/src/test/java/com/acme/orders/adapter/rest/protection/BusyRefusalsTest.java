package com.acme.orders.adapter.rest.protection;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.acme.orders.application.fakes.MovableClock;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** An overloaded service refuses thousands of requests a second; the log must stay readable and cheap. */
class BusyRefusalsTest {

    private final MovableClock clock = new MovableClock(Instant.parse("2026-11-23T10:00:00Z"));
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final BusyRefusals refusals = new BusyRefusals(clock, meters);
    private final Logger logger = (Logger) LoggerFactory.getLogger(BusyRefusals.class);
    private final ListAppender<ILoggingEvent> log = new ListAppender<>();

    @BeforeEach
    void listen() {
        log.start();
        logger.addAppender(log);
    }

    @AfterEach
    void stopListening() {
        logger.detachAppender(log);
    }

    @Test
    void a_storm_of_refusals_gets_one_warning_per_interval_that_counts_them_without_a_stack_trace() {
        for (int i = 0; i < 1_000; i++) {
            refusals.refuse(Overload.NO_FREE_DATABASE_CONNECTION, "HikariPool-1 - Connection is not available");
        }
        clock.advance(BusyRefusals.REPORT_INTERVAL.minusMillis(1));
        refusals.refuse(Overload.NO_FREE_DATABASE_CONNECTION, "HikariPool-1 - Connection is not available");
        clock.advance(Duration.ofMillis(1));
        refusals.refuse(Overload.TOO_MANY_REQUESTS_IN_FLIGHT, "100 requests in flight already");

        assertThat(log.list).hasSize(2).allSatisfy(line -> {
            assertThat(line.getLevel()).isEqualTo(Level.WARN);
            assertThat(line.getThrowableProxy()).isNull();
        });
        assertThat(log.list.get(0).getFormattedMessage())
                .contains(
                        "to 1 request(s)", "no-free-database-connection", "HikariPool-1 - Connection is not available");
        assertThat(log.list.get(1).getFormattedMessage())
                .contains(
                        "to 1001 request(s)",
                        "in the last 10000 ms",
                        "too-many-requests-in-flight",
                        "100 requests in flight already");
        assertThat(meters.get(BusyRefusals.COUNTER)
                        .tag("reason", "no-free-database-connection")
                        .counter()
                        .count())
                .isEqualTo(1_001);
    }

    @Test
    void threads_refusing_at_the_same_moment_write_one_warning_and_lose_no_count() throws Exception {
        int threads = 16;
        int each = 200;
        var start = new CyclicBarrier(threads);
        List<Thread> refusing = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            refusing.add(Thread.ofPlatform().start(() -> {
                try {
                    start.await();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
                for (int i = 0; i < each; i++) {
                    refusals.refuse(Overload.TOO_MANY_REQUESTS_IN_FLIGHT, "100 requests in flight already");
                }
            }));
        }
        for (Thread thread : refusing) {
            thread.join();
        }
        clock.advance(BusyRefusals.REPORT_INTERVAL);
        refusals.refuse(Overload.TOO_MANY_REQUESTS_IN_FLIGHT, "100 requests in flight already");

        assertThat(log.list).hasSize(2);
        long reported = log.list.stream()
                .mapToLong(line -> (Long) line.getArgumentArray()[0])
                .sum();
        assertThat(reported).isEqualTo(threads * each + 1);
        assertThat(meters.get(BusyRefusals.COUNTER)
                        .tag("reason", "too-many-requests-in-flight")
                        .counter()
                        .count())
                .isEqualTo(threads * each + 1);
    }
}
