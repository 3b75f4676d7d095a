package com.acme.orders.adapter.postgres;


import com.acme.orders.application.port.EventPublication;
import com.acme.orders.domain.OrderEvent;
import java.time.Instant;
import java.util.List;
import org.jmolecules.architecture.hexagonal.SecondaryAdapter;
import org.jooq.DSLContext;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Writes the events into the outbox with the {@link DSLContext} that joined the use case's transaction: the rows
 * commit with the change or not at all. Once that transaction has committed, the relay is woken, so an event does not
 * wait for the next poll.
 */
@Component
@SecondaryAdapter
public class PostgresEventPublication implements EventPublication {

    private final DSLContext db;
    private final PostgresOutboxSignal signal;

    public PostgresEventPublication(DSLContext db, PostgresOutboxSignal signal) {
        this.db = db;
        this.signal = signal;
    }

    @Override
    public void publish(List<OrderEvent> events) {
        if (events.isEmpty()) {
            return;
        }
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            // Without the caller's transaction the rows could commit without the change: refuse rather than lie.
            throw new IllegalStateException("events are published inside the transaction that stores their change");
        }
        var storedAt = Instant.now();
        // One JDBC batch of one prepared statement: a timeout batch publishes hundreds of events in one transaction.
        db.batchInsert(events.stream().map(event -> OrderEventContract.toRow(event, storedAt)).toList()).execute();
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                signal.newEventsCommitted();
            }
        });
    }
}
