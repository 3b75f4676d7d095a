package com.acme.orders.adapter.postgres.outbox;

import static com.acme.orders.adapter.postgres.jooq.Tables.OUTBOX;
import static com.acme.orders.adapter.postgres.sql.ArrayBinds.column;
import static com.acme.orders.adapter.postgres.sql.ArrayBinds.instants;
import static com.acme.orders.adapter.postgres.sql.ArrayBinds.strings;
import static com.acme.orders.adapter.postgres.sql.ArrayBinds.uuids;
import static org.jooq.impl.DSL.select;
import static org.jooq.impl.DSL.table;

import com.acme.orders.adapter.postgres.jooq.tables.records.OutboxRecord;
import com.acme.orders.adapter.postgres.sql.RenderedOnce;
import com.acme.orders.application.change.port.EventPublication;
import com.acme.orders.domain.OrderEvent;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jmolecules.architecture.hexagonal.SecondaryAdapter;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Writes the events into the outbox with the {@link DSLContext} that joined the use case's transaction: the rows
 * commit with the change or not at all. Once that transaction has committed, the relay is woken, so an event does not
 * wait for the next poll.
 */
@SecondaryAdapter
public class PostgresEventPublication implements EventPublication {

    private static final List<Field<?>> COLUMNS = List.of(
            OUTBOX.EVENT_ID,
            OUTBOX.ORDER_ID,
            OUTBOX.EVENT_TYPE,
            OUTBOX.OCCURRED_AT,
            OUTBOX.DATA,
            OUTBOX.CREATED_AT,
            OUTBOX.AVAILABLE_AT,
            OUTBOX.TRACEPARENT);

    private final DSLContext db;
    private final PostgresOutboxSignal signal;
    private final CurrentTrace trace;
    /** A customer's change publishes one event: its statement is rendered once (see {@link RenderedOnce}). */
    private final RenderedOnce oneEvent;

    public PostgresEventPublication(DSLContext db, PostgresOutboxSignal signal, CurrentTrace trace) {
        this.db = db;
        this.signal = signal;
        this.trace = trace;
        this.oneEvent = RenderedOnce.of(
                db,
                db.insertInto(OUTBOX)
                        .columns(COLUMNS)
                        .values(COLUMNS.stream()
                                .map(it -> DSL.param(it.getName(), it.getDataType()))
                                .toList()));
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
        // Read here, on the thread of the request (or worker) that raised the events: the relay that sends them has
        // no trace of its own to offer.
        var traceparent = trace.traceparent();
        List<OutboxRecord> rows = events.stream()
                .map(event -> OrderEventContract.toRow(event, storedAt, traceparent))
                .toList();
        if (rows.size() == 1) {
            OutboxRecord row = rows.getFirst();
            // With the change that raised it, at the commit: one round trip for both (WritesAtCommit).
            oneEvent.executeAtCommit(
                    db, inserted -> {}, COLUMNS.stream().map(row::get).toArray());
        } else {
            insertAll(rows);
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                signal.newEventsCommitted();
            }
        });
    }

    private void insertAll(List<OutboxRecord> rows) {
        // One statement over arrays for all the events of a change (a timeout batch publishes hundreds): jOOQ's
        // batchInsert rendered one INSERT per record, most of the timeout worker's CPU. WITH ORDINALITY keeps the
        // list's order in the ids, which is the publication order of an order's events.
        Table<?> unnested = table(
                        "unnest({0}, {1}, {2}, {3}, {4}, {5}, {6}, {7}) WITH ORDINALITY",
                        uuids(rows, OutboxRecord::getEventId),
                        uuids(rows, OutboxRecord::getOrderId),
                        strings(rows, OutboxRecord::getEventType),
                        instants(rows, OutboxRecord::getOccurredAt),
                        strings(rows, OutboxRecord::getData),
                        instants(rows, OutboxRecord::getCreatedAt),
                        instants(rows, OutboxRecord::getAvailableAt),
                        strings(rows, OutboxRecord::getTraceparent))
                .as(
                        "event",
                        "event_id",
                        "order_id",
                        "event_type",
                        "occurred_at",
                        "data",
                        "created_at",
                        "available_at",
                        "traceparent",
                        "position");
        db.insertInto(
                        OUTBOX,
                        OUTBOX.EVENT_ID,
                        OUTBOX.ORDER_ID,
                        OUTBOX.EVENT_TYPE,
                        OUTBOX.OCCURRED_AT,
                        OUTBOX.DATA,
                        OUTBOX.CREATED_AT,
                        OUTBOX.AVAILABLE_AT,
                        OUTBOX.TRACEPARENT)
                .select(select(
                                column("event", "event_id", UUID.class),
                                column("event", "order_id", UUID.class),
                                column("event", "event_type", String.class),
                                column("event", "occurred_at", SQLDataType.INSTANT),
                                column("event", "data", String.class),
                                column("event", "created_at", SQLDataType.INSTANT),
                                column("event", "available_at", SQLDataType.INSTANT),
                                column("event", "traceparent", String.class))
                        .from(unnested)
                        .orderBy(column("event", "position", Long.class)))
                .execute();
    }
}
