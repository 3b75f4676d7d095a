package com.acme.orders.adapter.postgres;

import static com.acme.orders.adapter.postgres.jooq.Tables.OUTBOX;
import static org.jooq.impl.DSL.any;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.notExists;
import static org.jooq.impl.DSL.selectOne;

import com.acme.orders.adapter.postgres.jooq.tables.Outbox;
import com.acme.orders.application.port.PendingEvent;
import com.acme.orders.application.port.PendingEvents;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jmolecules.architecture.hexagonal.SecondaryAdapter;
import org.jooq.DSLContext;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/** The outbox table as the relay works it, inside the relay's transaction. */
@Component
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
        return db.select(field("pg_try_advisory_xact_lock({0})", Boolean.class, RELAY_LOCK)).fetchSingle().value1();
    }

    @Override
    public List<PendingEvent> nextBatch(int limit, Instant now) {
        // Only one plan is right here, whatever the statistics: walk outbox_waiting in id order and stop after one batch.
        // The outbox goes from empty to hundreds of thousands of rows within one autovacuum nap; on statistics from
        // the empty table the planner estimated a few hundred rows and chose a scan of the whole table plus a sort,
        // over a second per round at 200,000 rows. For this transaction only, the planner may not choose those scans.
        db.select(field("set_config('enable_seqscan', 'off', true)"),
                field("set_config('enable_bitmapscan', 'off', true)")).fetch();
        // An event waits while an earlier event of its order is in trouble (failed, or parked): that check reads only
        // outbox_troubled, next to empty, so it costs nothing in whatever plan it runs. Asking instead whether any
        // earlier event of the order is still in the table, on the same stale statistics, ran as a scan of a whole
        // index for every row (12 to 30 s a round at 50,000 rows). A fresh event (no attempts yet) is due whatever
        // its available_at says, so another instance's clock cannot hold back an earlier event behind a later one.
        Outbox troubled = OUTBOX.as("troubled");
        List<PendingEvent> waiting = db.selectFrom(OUTBOX)
                .where(OUTBOX.PARKED_AT.isNull())
                .and(OUTBOX.ATTEMPTS.eq(0).or(OUTBOX.AVAILABLE_AT.le(now)))
                .and(notExists(selectOne().from(troubled)
                        .where(troubled.ORDER_ID.eq(OUTBOX.ORDER_ID))
                        .and(troubled.ID.lt(OUTBOX.ID))
                        .and(troubled.ATTEMPTS.gt(0).or(troubled.PARKED_AT.isNotNull()))))
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
                    .where(OUTBOX.ID.eq(any(events.stream().map(PendingEvent::position).toArray(Long[]::new))))
                    .execute();
        }
    }

    @Override
    public void failed(PendingEvent event, String reason, Instant retryAt, boolean park) {
        String error = reason == null ? "unknown" : reason;
        db.update(OUTBOX)
                .set(OUTBOX.ATTEMPTS, OUTBOX.ATTEMPTS.plus(1))
                .set(OUTBOX.LAST_ERROR, error.length() > MAX_ERROR_LENGTH ? error.substring(0, MAX_ERROR_LENGTH) : error)
                .set(OUTBOX.AVAILABLE_AT, retryAt)
                .set(OUTBOX.PARKED_AT, park ? Instant.now() : null)
                .where(OUTBOX.ID.eq(event.position()))
                .execute();
        if (park) {
            parked.increment();
        }
    }
}
