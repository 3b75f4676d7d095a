package com.acme.orders.adapter.postgres.sql;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.function.IntConsumer;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Query;
import org.jooq.Record;
import org.jooq.Result;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.UncategorizedSQLException;
import org.springframework.jdbc.support.SQLErrorCodeSQLExceptionTranslator;
import org.springframework.jdbc.support.SQLExceptionTranslator;

/**
 * A statement that jOOQ renders once and that then runs many times with new values, as a JDBC prepared statement on
 * the connection of the caller's transaction. For the small statements of a customer's request, jOOQ's work around a
 * statement (rendering the query tree, and for plain SQL parsing the text and classifying it by regular expressions)
 * cost several times the CPU of executing it (docs/front-door.md). The statement is built with typed
 * {@link org.jooq.impl.DSL#param} placeholders, so the SQL keeps jOOQ's casts and names; its values are given in the
 * order the placeholders appear. The driver keeps the statement prepared on the server after a few executions.
 */
public final class RenderedOnce {

    private static final SQLExceptionTranslator TRANSLATOR = new SQLErrorCodeSQLExceptionTranslator("PostgreSQL");

    private final String sql;
    private final int values;

    private RenderedOnce(String sql, int values) {
        this.sql = sql;
        this.values = values;
    }

    public static RenderedOnce of(DSLContext db, Query query) {
        return new RenderedOnce(db.render(query), query.getBindValues().size());
    }

    /** {@code first} and then {@code second} as one statement, e.g. a data-modifying CTE and the statement it feeds. */
    public static RenderedOnce of(DSLContext db, String template, Query first, Query second) {
        return new RenderedOnce(
                template.formatted(db.render(first), db.render(second)),
                first.getBindValues().size() + second.getBindValues().size());
    }

    /** Runs the statement now, after the writes its transaction held back, and gives its update count. */
    public int execute(DSLContext db, @Nullable Object... values) {
        checkCount(values);
        WritesAtCommit.sendHeldBackWrites();
        return db.connectionResult(connection -> {
            try (var statement = connection.prepareStatement(sql)) {
                bind(statement, values);
                return statement.executeUpdate();
            } catch (SQLException e) {
                throw translate(sql, e);
            }
        });
    }

    /**
     * Runs the query now, after the writes its transaction held back, and gives its rows as records of {@code fields}
     * (the columns it selects, in their order), for the adapter's usual mapping.
     */
    public Result<Record> fetch(DSLContext db, Field<?>[] fields, @Nullable Object... values) {
        checkCount(values);
        WritesAtCommit.sendHeldBackWrites();
        return db.connectionResult(connection -> {
            try (var statement = connection.prepareStatement(sql)) {
                bind(statement, values);
                try (ResultSet rows = statement.executeQuery()) {
                    return db.fetch(rows, fields);
                }
            } catch (SQLException e) {
                throw translate(sql, e);
            }
        });
    }

    /**
     * Runs the statement with the other writes of its transaction, at the latest when it commits (see
     * {@link WritesAtCommit}): for a write whose effect nothing in the transaction reads back. {@code count} gets the
     * update count then, and may throw to roll the transaction back.
     */
    public void executeAtCommit(DSLContext db, IntConsumer count, @Nullable Object... values) {
        checkCount(values);
        WritesAtCommit.add(db, this, values, count);
    }

    private void checkCount(@Nullable Object[] values) {
        if (values.length != this.values) {
            throw new IllegalArgumentException("the statement takes " + this.values + " values, not " + values.length
                    + ": " + Arrays.toString(values));
        }
    }

    /**
     * As jOOQ's own statements fail under Spring Boot: a duplicate key is a DuplicateKeyException, a violated
     * constraint a DataIntegrityViolationException.
     */
    static DataAccessException translate(String sql, SQLException e) {
        DataAccessException translated = TRANSLATOR.translate("RenderedOnce", sql, e);
        return translated != null ? translated : new UncategorizedSQLException("RenderedOnce", sql, e);
    }

    private static void bind(PreparedStatement statement, @Nullable Object[] values) throws SQLException {
        for (int i = 0; i < values.length; i++) {
            statement.setObject(i + 1, jdbc(values[i]));
        }
    }

    /** The driver takes {@code java.time} values as offset date-times, not as instants. */
    static @Nullable Object jdbc(@Nullable Object value) {
        return value instanceof Instant instant ? instant.atOffset(ZoneOffset.UTC) : value;
    }

    public String sql() {
        return sql;
    }
}
