package com.acme.orders.adapter.postgres.ordering;

import static com.acme.orders.adapter.postgres.jooq.Sequences.ORDER_NUMBER_SEQ;
import static org.jooq.impl.DSL.generateSeries;

import com.acme.orders.application.ordering.port.OrderNumberSource;
import com.acme.orders.domain.OrderNumber;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.locks.ReentrantLock;
import org.jmolecules.architecture.hexagonal.SecondaryAdapter;
import org.jooq.DSLContext;

/**
 * Order numbers from a PostgreSQL sequence: {@code nextval} never hands out a value twice, across instances, restarts
 * and rolled-back transactions, which a counter in memory or in Redis cannot promise. The unique constraint on
 * {@code orders.order_number} backs it up.
 *
 * <p>The values are taken {@value #BLOCK} at a time, in one statement, and handed out from memory: a placement no
 * longer spends a round trip on its number. Numbers stay unique; an instance's numbers increase, instances interleave
 * by blocks, and a restart leaves the rest of its block unused, a gap like the one a rolled-back order leaves.
 */
@SecondaryAdapter
public class PostgresOrderNumberSource implements OrderNumberSource {

    static final int BLOCK = 100;

    private final DSLContext db;
    private final Deque<Long> taken = new ArrayDeque<>(BLOCK);
    private final ReentrantLock lock = new ReentrantLock();

    public PostgresOrderNumberSource(DSLContext db) {
        this.db = db;
    }

    @Override
    public OrderNumber next(LocalDate day) {
        // A lock, not synchronized: a virtual thread waiting for the database inside it would pin its carrier.
        lock.lock();
        try {
            if (taken.isEmpty()) {
                db.select(ORDER_NUMBER_SEQ.nextval()).from(generateSeries(1, BLOCK)).fetch(0, Long.class).stream()
                        .sorted()
                        .forEach(taken::add);
            }
            return OrderNumber.of(day, taken.removeFirst());
        } finally {
            lock.unlock();
        }
    }
}
