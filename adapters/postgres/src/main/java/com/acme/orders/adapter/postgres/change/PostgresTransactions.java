package com.acme.orders.adapter.postgres.change;

import com.acme.orders.application.change.port.Transactions;
import java.util.function.Supplier;
import org.jmolecules.architecture.hexagonal.SecondaryAdapter;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * One database transaction per use case, on the transaction manager Spring Boot configures for the data source; the
 * auto-configured jOOQ {@code DSLContext} runs its statements in it.
 */
@SecondaryAdapter
public class PostgresTransactions implements Transactions {

    private final TransactionTemplate template;

    public PostgresTransactions(PlatformTransactionManager transactionManager) {
        this.template = new TransactionTemplate(transactionManager);
        // READ COMMITTED, whatever the server default: a SELECT ... FOR UPDATE that waited for another writer then
        // reads the row that writer committed and decides on it. Under REPEATABLE READ the same wait would end in a
        // serialization failure, turning every lost race into an error instead of an answer.
        this.template.setIsolationLevel(TransactionDefinition.ISOLATION_READ_COMMITTED);
    }

    @Override
    public <T> T inTransaction(Supplier<T> work) {
        return template.execute(status -> work.get());
    }
}
