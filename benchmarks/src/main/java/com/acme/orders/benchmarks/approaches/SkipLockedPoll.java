package com.acme.orders.benchmarks.approaches;

import static com.acme.orders.adapter.postgres.jooq.Tables.ORDERS;
import static org.jooq.impl.DSL.currentInstant;

import com.acme.orders.application.change.port.Transactions;
import com.acme.orders.application.deadline.ExpireOrder;
import com.acme.orders.domain.OrderId;
import java.util.List;
import org.jooq.DSLContext;

/**
 * What a db-scheduler user builds on the database alone: pollers that each, in one transaction, lock up to a batch of
 * the unpaid orders past their deadline, oldest first, skipping rows another poller holds, and expire them. The
 * partial index {@code orders_unpaid_by_deadline} serves the select; the database's {@code now()} is the one clock.
 *
 * <p>{@link Transactions} joins a transaction already open on the thread (Spring's REQUIRED propagation), so every
 * {@link ExpireOrder#expire} of the batch runs in the transaction that took the {@code SKIP LOCKED} row locks: its own
 * {@code SELECT ... FOR UPDATE} finds the lock already held, the aggregate decides, and the cancellation and its outbox
 * event commit with the batch. Two pollers never take the same order, and one commit serves a hundred orders. A
 * failure in one order rolls the batch back; its rows are unlocked and the next round takes them again.
 */
final class SkipLockedPoll {

    private final DSLContext db;
    private final Transactions transactions;
    private final ExpireOrder expireOrder;
    private final int batch;

    SkipLockedPoll(DSLContext db, Transactions transactions, ExpireOrder expireOrder, int batch) {
        if (batch < 1) {
            throw new IllegalArgumentException("a batch holds at least one order, got " + batch);
        }
        this.db = db;
        this.transactions = transactions;
        this.expireOrder = expireOrder;
        this.batch = batch;
    }

    /** One batch; true when it was full, so more orders may be due already. */
    boolean expireNextBatch() {
        int locked = transactions.inTransaction(() -> {
            List<OrderId> due = db.select(ORDERS.ID)
                    .from(ORDERS)
                    .where(ORDERS.STATUS.eq("UNPAID"))
                    .and(ORDERS.PAYMENT_DEADLINE.le(currentInstant()))
                    .orderBy(ORDERS.PAYMENT_DEADLINE)
                    .limit(batch)
                    .forUpdate()
                    .skipLocked()
                    .fetch(it -> new OrderId(it.value1()));
            due.forEach(expireOrder::expire);
            return due.size();
        });
        return locked == batch;
    }
}
