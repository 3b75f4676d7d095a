package com.acme.orders.adapter.postgres.change;

import com.acme.orders.application.change.port.Transactions;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;
import org.jmolecules.architecture.hexagonal.SecondaryAdapter;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * One database transaction per use case, on the transaction manager Spring Boot configures for the data source; the
 * auto-configured jOOQ {@code DSLContext} runs its statements in it.
 */
@SecondaryAdapter
public class PostgresTransactions implements Transactions {

    private final TransactionTemplate template;
    private final DSLContext db;

    public PostgresTransactions(PlatformTransactionManager transactionManager, DSLContext db) {
        this.db = db;
        // READ COMMITTED, whatever the server default, is set on every connection of the pool
        // (PostgresAdapter#readCommittedConnections), not here: asked per transaction, Spring reads the connection's
        // level first, and the driver answers that with a round trip (SHOW TRANSACTION ISOLATION LEVEL) each time.
        this.template = new TransactionTemplate(transactionManager);
    }

    @Override
    public <T> T inTransaction(Supplier<T> work) {
        return template.execute(status -> work.get());
    }

    /**
     * The time the order this transaction locked was locked at ({@link LockTime}: no round trip), else
     * {@code clock_timestamp()}: the time of this very statement (now() would be the transaction's start, before any
     * lock wait). Either way, whatever the caller decides with it and commits next is committed later still.
     */
    @Override
    public Optional<Instant> databaseTime() {
        return LockTime.inThisTransaction()
                .or(() -> Optional.of(db.select(DSL.field("clock_timestamp()", SQLDataType.INSTANT))
                        .fetchSingle()
                        .value1()));
    }

    /** No connection to be had, or one lost on the way: the server, not the work, is the problem. */
    @Override
    public boolean isUnavailable(RuntimeException failure) {
        return failure instanceof CannotCreateTransactionException
                || failure instanceof DataAccessResourceFailureException
                || failure instanceof TransientDataAccessResourceException
                || failure instanceof RecoverableDataAccessException;
    }
}
