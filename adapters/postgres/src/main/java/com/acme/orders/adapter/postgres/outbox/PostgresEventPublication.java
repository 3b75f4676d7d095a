package com.acme.orders.adapter.postgres.outbox;

import static com.acme.orders.adapter.postgres.jooq.Tables.OUTBOX;
import static com.acme.orders.adapter.postgres.sql.ArrayBinds.column;
import static com.acme.orders.adapter.postgres.sql.ArrayBinds.texts;
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
import org.jooq.Query;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;
import org.jspecify.annotations.Nullable;
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

    private final RenderedOnce manyEvents;

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
        this.manyEvents = RenderedOnce.of(db, manyEvents(db));
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
            insertAll(rows, storedAt, traceparent);
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                signal.newEventsCommitted();
            }
        });
    }

    private void insertAll(List<OutboxRecord> rows, Instant storedAt, @Nullable String traceparent) {
        // With the change that raised them, at the commit (WritesAtCommit): one statement for all the events of a
        // batch, its columns as arrays the driver sends as they are (ArrayBinds#texts).
        manyEvents.executeAtCommit(
                db,
                inserted -> {},
                storedAt,
                storedAt,
                traceparent,
                texts(rows, OutboxRecord::getEventId),
                texts(rows, OutboxRecord::getOrderId),
                texts(rows, OutboxRecord::getEventType),
                texts(rows, OutboxRecord::getOccurredAt),
                texts(rows, OutboxRecord::getData));
    }

    /**
     * The events of a change that raised many (a timeout batch publishes hundreds) in one statement over arrays:
     * jOOQ's batchInsert rendered one INSERT per record, most of the timeout worker's CPU. WITH ORDINALITY keeps the
     * list's order in the ids, which is the publication order of an order's events. The values, in the order of
     * their placeholders: the time they were stored (twice: created and available), the traceparent, then the
     * arrays.
     */
    private static Query manyEvents(DSLContext db) {
        Table<?> unnested = table(
                        "unnest({0}, {1}, {2}, {3}, {4}) WITH ORDINALITY",
                        texts("event_id", "uuid"),
                        texts("order_id", "uuid"),
                        texts("event_type", "varchar"),
                        texts("occurred_at", "timestamptz"),
                        texts("data", "text"))
                .as("event", "event_id", "order_id", "event_type", "occurred_at", "data", "position");
        return db.insertInto(
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
                                DSL.param("created_at", OUTBOX.CREATED_AT.getDataType()),
                                DSL.param("available_at", OUTBOX.AVAILABLE_AT.getDataType()),
                                DSL.param("traceparent", OUTBOX.TRACEPARENT.getDataType()))
                        .from(unnested)
                        .orderBy(column("event", "position", Long.class)));
    }
}
