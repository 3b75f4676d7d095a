package com.acme.orders.adapter.postgres.outbox;

import static com.acme.orders.adapter.postgres.jooq.Tables.OUTBOX;
import static com.acme.orders.adapter.postgres.sql.ArrayBinds.column;
import static com.acme.orders.adapter.postgres.sql.ArrayBinds.longs;
import static com.acme.orders.adapter.postgres.sql.ArrayBinds.uuids;
import static org.jooq.impl.DSL.any;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.min;
import static org.jooq.impl.DSL.notExists;
import static org.jooq.impl.DSL.selectOne;
import static org.jooq.impl.DSL.table;

import com.acme.orders.application.outbox.port.PendingEvent;
import com.acme.orders.application.outbox.port.PendingEvents;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jmolecules.architecture.hexagonal.SecondaryAdapter;
import org.jooq.DSLContext;
import org.jooq.Record2;
import org.jooq.Table;
import org.jooq.impl.SQLDataType;
import org.springframework.beans.factory.ObjectProvider;

/** The outbox table as the relay works it, inside the relay's transaction. */
@SecondaryAdapter
public class PostgresPendingEvents implements PendingEvents {

    /** The advisory lock that makes one relay at a time; an arbitrary number no other part of the service uses. */
    static final long RELAY_LOCK = 0x0_7E1A_40B0_0001L;

    private static final int MAX_ERROR_LENGTH = 1000;

    private final DSLContext db;
    private final Counter parked;

    public PostgresPendingEvents(DSLContext db, ObjectProvider<MeterRegistry> meters) {
        this.db = db;
        this.parked = Counter.builder("orders.outbox.parked")
                .description("Events parked after too many failed sends")
                .register(meters.getIfAvailable(SimpleMeterRegistry::new));
    }

    @Override
    public boolean claimRelay() {
        // Transaction-scoped: released by the commit or rollback of the round, also when the relay's process dies
        // (its connection closes), so a crashed relay never blocks the others.
        return db.select(field("pg_try_advisory_xact_lock({0})", Boolean.class, RELAY_LOCK))
                .fetchSingle()
                .value1();
    }

    @Override
    public List<PendingEvent> nextBatch(int limit, Instant now) {
        // Only one plan is right here, whatever the statistics: walk outbox_waiting in id order and stop after one
        // batch,
        // checking each row against the short list below. The outbox goes from empty to hundreds of thousands of rows
        // within one autovacuum nap, and on statistics from the empty table the planner chose, in turn: a scan of the
        // whole table plus a sort (over a second per round at 200,000 rows); for the check against earlier events of
        // the same order, a scan of a whole index per row (12 s a round at 50,000 rows); and, once the driver had
        // prepared the statement and PostgreSQL planned it for any bind values, the primary key instead of the
        // partial index of troubled events, whose predicate a bind value cannot prove (2 s a round). For this
        // transaction only, the planner may not choose scans of the table, bitmaps, or joins that read all of a side.
        db.select(
                        field("set_config('enable_seqscan', 'off', true)"),
                        field("set_config('enable_bitmapscan', 'off', true)"),
                        field("set_config('enable_hashjoin', 'off', true)"),
                        field("set_config('enable_mergejoin', 'off', true)"))
                .fetch();
        // An event waits while an earlier event of its order is in trouble (failed, or parked). Those orders, with the
        // first of their troubled events, are next to none: read once from outbox_troubled (its predicate written as
        // constants, so any plan may use it), then passed as arrays, so the check per row never reads the outbox.
        var troubled = db.select(OUTBOX.ORDER_ID, min(OUTBOX.ID))
                .from(OUTBOX)
                .where(OUTBOX.ATTEMPTS.gt(inline(0)).or(OUTBOX.PARKED_AT.isNotNull()))
                .groupBy(OUTBOX.ORDER_ID)
                .fetch();
        Table<?> blocked = table("unnest({0}, {1})", uuids(troubled, Record2::value1), longs(troubled, Record2::value2))
                .as("blocked", "order_id", "from_id");
        // A fresh event (no attempts yet) is due whatever its available_at says, so another instance's clock cannot
        // hold back an earlier event behind a later one.
        List<PendingEvent> waiting = db.selectFrom(OUTBOX)
                .where(OUTBOX.PARKED_AT.isNull())
                .and(OUTBOX.ATTEMPTS.eq(inline(0)).or(OUTBOX.AVAILABLE_AT.le(now)))
                .and(notExists(selectOne()
                        .from(blocked)
                        .where(column("blocked", "order_id", SQLDataType.UUID).eq(OUTBOX.ORDER_ID))
                        .and(column("blocked", "from_id", SQLDataType.BIGINT).lt(OUTBOX.ID))))
                .orderBy(OUTBOX.ID)
                .limit(limit)
                .fetch(OrderEventContract::toPendingEvent);
        // The head of each order's queue only: every earlier waiting event of an order comes before its later ones in
        // id order, so the first of each order here is its head, and the later ones go with a later round.
        Set<String> orders = new HashSet<>();
        return waiting.stream().filter(it -> orders.add(it.key())).toList();
    }

    @Override
    public void published(List<PendingEvent> events) {
        if (!events.isEmpty()) {
            // One array bind: one SQL text however many events a round published.
            db.deleteFrom(OUTBOX)
                    .where(OUTBOX.ID.eq(
                            any(events.stream().map(PendingEvent::position).toArray(Long[]::new))))
                    .execute();
        }
    }

    @Override
    public void failed(PendingEvent event, String reason, Instant retryAt, boolean park) {
        String error = reason == null ? "unknown" : reason;
        db.update(OUTBOX)
                .set(OUTBOX.ATTEMPTS, OUTBOX.ATTEMPTS.plus(1))
                .set(
                        OUTBOX.LAST_ERROR,
                        error.length() > MAX_ERROR_LENGTH ? error.substring(0, MAX_ERROR_LENGTH) : error)
                .set(OUTBOX.AVAILABLE_AT, retryAt)
                .set(OUTBOX.PARKED_AT, park ? Instant.now() : null)
                .where(OUTBOX.ID.eq(event.position()))
                .execute();
        if (park) {
            parked.increment();
        }
    }
}
