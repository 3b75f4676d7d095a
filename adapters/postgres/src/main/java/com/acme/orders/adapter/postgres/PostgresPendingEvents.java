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
import java.util.List;
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
        Outbox earlier = OUTBOX.as("earlier");
        // The head of each order's queue only: a row with an earlier row of its order still in the table waits,
        // whether that earlier row is parked, backing off, or in this very batch. Deleting published rows instead of
        // remembering the last id read avoids the sequence-gap trap (ids commit out of order across orders).
        return db.selectFrom(OUTBOX)
                .where(OUTBOX.PARKED_AT.isNull())
                .and(OUTBOX.AVAILABLE_AT.le(now))
                .and(notExists(selectOne().from(earlier)
                        .where(earlier.ORDER_ID.eq(OUTBOX.ORDER_ID))
                        .and(earlier.ID.lt(OUTBOX.ID))))
                .orderBy(OUTBOX.ID)
                .limit(limit)
                .fetch(OrderEventContract::toPendingEvent);
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
