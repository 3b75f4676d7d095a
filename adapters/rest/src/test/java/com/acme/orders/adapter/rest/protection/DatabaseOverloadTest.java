package com.acme.orders.adapter.rest.protection;

import static org.assertj.core.api.Assertions.assertThat;

import com.acme.orders.adapter.rest.problem.ProblemResponses;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.URI;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.time.Clock;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ProblemDetail;
import org.springframework.jdbc.BadSqlGrammarException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.context.request.ServletWebRequest;

/**
 * Failures of an overloaded database, which no request can provoke against the in-memory fixture, and failures that
 * look alike but are not overload, handed straight to the real {@link ProblemResponses} with {@link BusyRefusals} as
 * its answer to failures that are not bugs, built as the PostgreSQL adapter's Spring and Hikari throw them.
 */
class DatabaseOverloadTest {

    /** What Hikari throws when no connection came free within its connection timeout. */
    static SQLTransientConnectionException hikariTimeout() {
        return new SQLTransientConnectionException("HikariPool-1 - Connection is not available, request timed out "
                + "after 2000ms (total=10, active=10, idle=0, waiting=843)");
    }

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final ProblemResponses problems =
            new ProblemResponses(List.of(new BusyRefusals(Clock.systemUTC(), meters)));
    private final ServletWebRequest request =
            new ServletWebRequest(new MockHttpServletRequest("POST", "/v1/payment-notifications"));

    @Test
    void a_use_case_that_got_no_database_connection_in_time_is_told_the_service_is_busy_and_to_retry_in_a_second() {
        var failure =
                new CannotCreateTransactionException("Could not open JDBC Connection for transaction", hikariTimeout());

        var answer = problems.unexpected(failure, request);

        assertThat(answer.getStatusCode().value()).isEqualTo(503);
        assertThat(answer.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("1");
        var problem = (ProblemDetail) answer.getBody();
        assertThat(problem.getType()).isEqualTo(URI.create("https://problems.acme.com/orders/service-busy"));
        assertThat(problem.getTitle()).isEqualTo("The service is busy; retry later");
        assertThat(problem.getDetail()).doesNotContain("Hikari", "JDBC", "Exception", "connection");
        assertThat(problem.getProperties()).isNullOrEmpty();
        assertThat(meters.get(BusyRefusals.COUNTER)
                        .tag("reason", "no-free-database-connection")
                        .counter()
                        .count())
                .isEqualTo(1);
    }

    /** Each as Spring or jOOQ would hand it over when the database is overloaded. */
    static Stream<Arguments> overloadedDatabase() {
        return Stream.of(
                Arguments.of(
                        "no connection for JdbcTemplate",
                        "no-free-database-connection",
                        new CannotGetJdbcConnectionException("Failed to obtain JDBC Connection", hikariTimeout())),
                Arguments.of(
                        "no connection, translated",
                        "no-free-database-connection",
                        new TransientDataAccessResourceException("getConnection", hikariTimeout())),
                Arguments.of(
                        "no connection, as a resource failure",
                        "no-free-database-connection",
                        new DataAccessResourceFailureException("getConnection", hikariTimeout())),
                Arguments.of(
                        "no connection for jOOQ",
                        "no-free-database-connection",
                        new RuntimeException("Error getting connection from data source", hikariTimeout())),
                Arguments.of(
                        "statement_timeout",
                        "database-statement-timed-out",
                        new QueryTimeoutException(
                                "jOOQ; SQL [select ...]",
                                new SQLException("ERROR: canceling statement due to statement timeout", "57014"))),
                Arguments.of(
                        "max_connections reached",
                        "database-connections-exhausted",
                        new DataAccessResourceFailureException(
                                "getConnection", new SQLException("FATAL: sorry, too many clients already", "53300"))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overloadedDatabase")
    void every_failure_that_only_says_the_database_is_overloaded_is_a_503_service_busy(
            String situation, String reason, Exception failure) {
        var answer = problems.unexpected(failure, request);

        assertThat(answer.getStatusCode().value()).isEqualTo(503);
        assertThat(answer.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("1");
        assertThat(((ProblemDetail) answer.getBody()).getType())
                .isEqualTo(URI.create("https://problems.acme.com/orders/service-busy"));
        assertThat(meters.get(BusyRefusals.COUNTER)
                        .tag("reason", reason)
                        .counter()
                        .count())
                .isEqualTo(1);
    }

    /** A retry cannot mend any of these: they are bugs, broken data or an outage to look at, not a queue. */
    static Stream<Arguments> notOverload() {
        return Stream.of(
                Arguments.of(
                        "a missing table",
                        new BadSqlGrammarException(
                                "select",
                                "select * from orderz",
                                new SQLException("ERROR: relation \"orderz\" does not exist", "42P01"))),
                Arguments.of(
                        "a broken constraint",
                        new DataIntegrityViolationException(
                                "insert",
                                new SQLException("ERROR: duplicate key value violates unique constraint", "23505"))),
                Arguments.of(
                        "a connection lost mid-transaction",
                        new DataAccessResourceFailureException(
                                "select", new SQLNonTransientConnectionException("An I/O error occurred", "08006"))),
                Arguments.of("a bug", new NullPointerException("order is null")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("notOverload")
    void a_failure_that_is_not_overload_stays_a_500_internal_error(String situation, Exception failure) {
        var answer = problems.unexpected(failure, request);

        assertThat(answer.getStatusCode().value()).isEqualTo(500);
        assertThat(((ProblemDetail) answer.getBody()).getType())
                .isEqualTo(URI.create("https://problems.acme.com/orders/internal-error"));
        assertThat(meters.find(BusyRefusals.COUNTER).counters())
                .allSatisfy(it -> assertThat(it.count()).isZero());
    }
}
