package com.acme.orders.adapter.rest.protection;

import java.sql.SQLException;
import java.sql.SQLTimeoutException;
import java.sql.SQLTransientConnectionException;
import java.util.Optional;

/**
 * Why the service answers "busy, retry later" (503 {@code service-busy}) instead of an answer.
 *
 * <p>The failures of the database that mean overload are recognised by the JDBC exception in their cause chain,
 * whatever wraps it on the way up: Spring's {@code CannotCreateTransactionException},
 * {@code CannotGetJdbcConnectionException}, {@code QueryTimeoutException}, {@code TransientDataAccessResourceException}
 * or {@code DataAccessResourceFailureException}, jOOQ's {@code DataAccessException}. So this adapter needs no
 * persistence library to tell them apart, and a wrapper added tomorrow changes nothing. Anything else, including every
 * other {@link SQLException} (a constraint, a syntax error, a connection lost mid-transaction), stays an unexpected
 * failure and a 500: a bug must not hide behind an invitation to retry.
 */
enum Overload {

    /**
     * No connection of the pool came free within the pool's connection timeout (Hikari's
     * SQLTransientConnectionException; Hikari throws the same while the database cannot be reached).
     */
    NO_FREE_DATABASE_CONNECTION("no-free-database-connection"),
    /**
     * A statement ran past its timeout and was cancelled (JDBC's SQLTimeoutException; PostgreSQL's SQLSTATE 57014,
     * which Spring turns into a QueryTimeoutException). Nothing was committed; under load it is the same queue seen
     * from inside the database.
     */
    DATABASE_STATEMENT_TIMED_OUT("database-statement-timed-out"),
    /** PostgreSQL refused a new connection because it serves max_connections already (SQLSTATE 53300). */
    DATABASE_CONNECTIONS_EXHAUSTED("database-connections-exhausted"),
    /** More requests were in flight than {@code orders.http.max-requests-in-flight}: refused before any work. */
    TOO_MANY_REQUESTS_IN_FLIGHT("too-many-requests-in-flight");

    private static final String QUERY_CANCELED = "57014";
    private static final String TOO_MANY_CONNECTIONS = "53300";
    /** Far deeper than any real chain; only guards against a cause chain that loops. */
    private static final int MAX_CAUSES = 32;

    private final String tag;

    Overload(String tag) {
        this.tag = tag;
    }

    /** The value of the {@code reason} tag of the refusal counter. */
    String tag() {
        return tag;
    }

    /** The overload that {@code failure} reports, if it reports one. */
    static Optional<Overload> causing(Throwable failure) {
        Throwable cause = failure;
        for (int depth = 0; cause != null && depth < MAX_CAUSES; depth++, cause = cause.getCause()) {
            if (cause instanceof SQLTransientConnectionException) {
                return Optional.of(NO_FREE_DATABASE_CONNECTION);
            }
            if (cause instanceof SQLTimeoutException) {
                return Optional.of(DATABASE_STATEMENT_TIMED_OUT);
            }
            if (cause instanceof SQLException sql && QUERY_CANCELED.equals(sql.getSQLState())) {
                return Optional.of(DATABASE_STATEMENT_TIMED_OUT);
            }
            if (cause instanceof SQLException sql && TOO_MANY_CONNECTIONS.equals(sql.getSQLState())) {
                return Optional.of(DATABASE_CONNECTIONS_EXHAUSTED);
            }
        }
        return Optional.empty();
    }
}
