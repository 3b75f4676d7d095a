package com.acme.orders.adapter.postgres.outbox;

import static com.acme.orders.adapter.postgres.jooq.Tables.OUTBOX;
import static org.jooq.impl.DSL.count;
import static org.jooq.impl.DSL.min;
import static org.jooq.impl.DSL.when;

import com.acme.orders.application.outbox.port.OutboxBacklog;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jmolecules.architecture.hexagonal.SecondaryAdapter;
import org.jooq.DSLContext;

/** The outbox as operators see it: its size and age in one query, the parked rows, and the requeue of one. */
@SecondaryAdapter
public class PostgresOutboxBacklog implements OutboxBacklog {

    /**
     * How long a measure is reused: it counts the whole outbox, and a scrape of three gauges, or consoles refreshing
     * every two seconds, need not count it again each time.
     */
    private static final Duration FRESH = Duration.ofSeconds(1);

    private final DSLContext db;
    private final Duration fresh;
    private volatile Measured last = new Measured(Instant.EPOCH, new Backlog(0, 0, Optional.empty()));

    private record Measured(Instant at, Backlog backlog) {}

    public PostgresOutboxBacklog(DSLContext db) {
        this(db, FRESH);
    }

    /** @param fresh how long a measure is reused; zero for a new one every time */
    PostgresOutboxBacklog(DSLContext db, Duration fresh) {
        this.db = db;
        this.fresh = fresh;
    }

    @Override
    public Backlog measure() {
        Measured measured = last;
        if (!measured.at().plus(fresh).isAfter(Instant.now())) {
            measured = new Measured(Instant.now(), measureNow());
            last = measured;
        }
        return measured.backlog();
    }

    private Backlog measureNow() {
        var row = db.select(
                        count().filterWhere(OUTBOX.PARKED_AT.isNull()),
                        count().filterWhere(OUTBOX.PARKED_AT.isNotNull()),
                        min(when(OUTBOX.PARKED_AT.isNull(), OUTBOX.CREATED_AT)))
                .from(OUTBOX)
                .fetchSingle();
        return new Backlog(row.value1(), row.value2(), Optional.ofNullable(row.value3()));
    }

    @Override
    public List<ParkedEvent> parked(int limit) {
        // Served by the partial index outbox_troubled, which holds the parked rows and the ones being retried only.
        return db.select(
                        OUTBOX.ID,
                        OUTBOX.EVENT_ID,
                        OUTBOX.ORDER_ID,
                        OUTBOX.EVENT_TYPE,
                        OUTBOX.CREATED_AT,
                        OUTBOX.ATTEMPTS,
                        OUTBOX.PARKED_AT,
                        OUTBOX.LAST_ERROR)
                .from(OUTBOX)
                .where(OUTBOX.PARKED_AT.isNotNull())
                .orderBy(OUTBOX.ID)
                .limit(limit)
                .fetch(it -> new ParkedEvent(
                        it.value1(),
                        it.value2(),
                        it.value3().toString(),
                        it.value4(),
                        it.value5(),
                        it.value6(),
                        Objects.requireNonNull(it.value7()),
                        Objects.requireNonNullElse(it.value8(), "")));
    }

    @Override
    public boolean requeue(long position) {
        // No attempts: the relay treats it as a fresh event, due at once whatever this instance's clock says. Its last
        // error stays, for the record; only the attempts and the parking decide what the relay does with it.
        return db.update(OUTBOX)
                        .set(OUTBOX.PARKED_AT, (Instant) null)
                        .set(OUTBOX.ATTEMPTS, 0)
                        .set(OUTBOX.AVAILABLE_AT, Instant.now())
                        .where(OUTBOX.ID.eq(position))
                        .and(OUTBOX.PARKED_AT.isNotNull())
                        .execute()
                == 1;
    }
}
