package com.acme.orders.adapter.postgres.sql;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntConsumer;
import java.util.stream.Collectors;
import org.jooq.DSLContext;
import org.jooq.ExecuteContext;
import org.jooq.ExecuteListener;
import org.jspecify.annotations.Nullable;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Writes of a transaction that nothing reads back before the commit, held back and sent to PostgreSQL together: when
 * the transaction commits, or at the latest right before any other statement of the transaction runs (a
 * {@link #sendHeldBackWrites()} from {@link RenderedOnce} and from the jOOQ listener the adapter installs), so the server sees the
 * statements in the order they were written. A payment's record, the conditional update of its order and the paid
 * event then cost the network one round trip instead of three (docs/front-door.md): the driver sends the statements
 * of one JDBC statement separated by semicolons one after the other and waits once.
 *
 * <p>Each write says what it expects of its update count; a write that fails its expectation, or that PostgreSQL
 * refuses, throws from the commit, which rolls the transaction back: the caller sees the same exception as before,
 * only later. Outside a transaction a write runs at once.
 */
public final class WritesAtCommit implements TransactionSynchronization {

    /** The resource under which the current transaction's held-back writes are bound to its thread. */
    private static final Object HELD_BACK = new Object();

    private record Write(RenderedOnce statement, @Nullable Object[] values, IntConsumer count) {}

    private final DSLContext db;
    private final List<Write> writes = new ArrayList<>();

    private WritesAtCommit(DSLContext db) {
        this.db = db;
    }

    /** {@code count} gets the statement's update count when it has run; it may throw to fail the transaction. */
    static void add(DSLContext db, RenderedOnce statement, @Nullable Object[] values, IntConsumer count) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()
                || !TransactionSynchronizationManager.isSynchronizationActive()) {
            count.accept(statement.execute(db, values));
            return;
        }
        var held = (WritesAtCommit) TransactionSynchronizationManager.getResource(HELD_BACK);
        if (held == null) {
            held = new WritesAtCommit(db);
            TransactionSynchronizationManager.bindResource(HELD_BACK, held);
            TransactionSynchronizationManager.registerSynchronization(held);
        }
        held.writes.add(new Write(statement, values, count));
    }

    /** Sends the writes the current transaction holds back, if any: called before a statement that might read them. */
    public static void sendHeldBackWrites() {
        if (TransactionSynchronizationManager.isSynchronizationActive()
                && TransactionSynchronizationManager.getResource(HELD_BACK) instanceof WritesAtCommit held) {
            held.send();
        }
    }

    /** For jOOQ's configuration: every statement jOOQ runs sends the held-back writes of its transaction first. */
    public static ExecuteListener sentBeforeOtherStatements() {
        return new ExecuteListener() {
            @Override
            public void executeStart(ExecuteContext context) {
                sendHeldBackWrites();
            }
        };
    }

    /** A flush of the transaction (TransactionStatus#flush) sends them too. */
    @Override
    public void flush() {
        send();
    }

    /** A transaction started inside this one (REQUIRES_NEW) neither sees nor sends these writes. */
    @Override
    public void suspend() {
        TransactionSynchronizationManager.unbindResourceIfPossible(HELD_BACK);
    }

    @Override
    public void resume() {
        TransactionSynchronizationManager.bindResource(HELD_BACK, this);
    }

    @Override
    public void beforeCommit(boolean readOnly) {
        send();
    }

    @Override
    public void afterCompletion(int status) {
        writes.clear();
        TransactionSynchronizationManager.unbindResourceIfPossible(HELD_BACK);
    }

    private void send() {
        if (writes.isEmpty()) {
            return;
        }
        List<Write> batch = List.copyOf(writes);
        writes.clear();
        String sql = batch.stream().map(it -> it.statement().sql()).collect(Collectors.joining(";\n"));
        int[] counts = db.connectionResult(connection -> {
            try (var statement = connection.prepareStatement(sql)) {
                int parameter = 1;
                for (Write write : batch) {
                    for (Object value : write.values()) {
                        statement.setObject(parameter++, RenderedOnce.jdbc(value));
                    }
                }
                statement.execute();
                int[] updated = new int[batch.size()];
                for (int i = 0; i < updated.length; i++) {
                    if (i > 0) {
                        statement.getMoreResults();
                    }
                    updated[i] = statement.getUpdateCount();
                }
                return updated;
            } catch (SQLException e) {
                throw RenderedOnce.translate(sql, e);
            }
        });
        for (int i = 0; i < counts.length; i++) {
            batch.get(i).count().accept(counts[i]);
        }
    }
}
