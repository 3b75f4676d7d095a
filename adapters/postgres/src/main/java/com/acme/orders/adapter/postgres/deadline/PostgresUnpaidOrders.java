package com.acme.orders.adapter.postgres.deadline;

import static com.acme.orders.adapter.postgres.jooq.Tables.ORDERS;
import static org.jooq.impl.DSL.row;

import com.acme.orders.adapter.postgres.change.OrderMapper;
import com.acme.orders.application.deadline.port.PendingDeadline;
import com.acme.orders.application.deadline.port.UnpaidOrders;
import com.acme.orders.domain.OrderId;
import com.acme.orders.domain.OrderStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jmolecules.architecture.hexagonal.SecondaryAdapter;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/** Unpaid orders by deadline, for the sweeper and the rebuild of the deadline index. */
@SecondaryAdapter
public class PostgresUnpaidOrders implements UnpaidOrders {

    private final DSLContext db;

    public PostgresUnpaidOrders(DSLContext db) {
        this.db = db;
    }

    @Override
    public List<PendingDeadline> unpaidByDeadline(Optional<Instant> dueBy, Optional<PendingDeadline> after, int limit) {
        // Served by the partial index orders_unpaid_by_deadline: it holds only unpaid orders, so the cost follows the
        // number of pending orders, never the size of the order history.
        Condition unpaid = ORDERS.STATUS.eq(OrderMapper.status(OrderStatus.UNPAID));
        if (dueBy.isPresent()) {
            unpaid = unpaid.and(ORDERS.PAYMENT_DEADLINE.le(OrderMapper.timestamp(dueBy.get())));
        }
        return page(unpaid, after, limit);
    }

    @Override
    public List<PendingDeadline> unremindedByDeadline(
            Instant dueAfter, Duration windowLongerThan, Optional<PendingDeadline> after, int limit) {
        // The same partial index, from the first deadline still ahead.
        Condition unreminded = ORDERS.STATUS
                .eq(OrderMapper.status(OrderStatus.UNPAID))
                .and(ORDERS.PAYMENT_DEADLINE.gt(OrderMapper.timestamp(dueAfter)))
                .and(ORDERS.REMINDED_AT.isNull())
                .and(DSL.condition(
                        "{0} - {1} > make_interval(secs => {2})",
                        ORDERS.PAYMENT_DEADLINE, ORDERS.CREATED_AT, DSL.val(windowLongerThan.toNanos() / 1e9)));
        return page(unreminded, after, limit);
    }

    /** The orders that meet {@code condition}, by (deadline, id), strictly after {@code after}: keyset paging. */
    private List<PendingDeadline> page(Condition condition, Optional<PendingDeadline> after, int limit) {
        Condition page = condition;
        if (after.isPresent()) {
            page = page.and(row(ORDERS.PAYMENT_DEADLINE, ORDERS.ID)
                    .gt(
                            OrderMapper.timestamp(after.get().deadline()),
                            after.get().order().value()));
        }
        return db.select(ORDERS.ID, ORDERS.PAYMENT_DEADLINE)
                .from(ORDERS)
                .where(page)
                .orderBy(ORDERS.PAYMENT_DEADLINE, ORDERS.ID)
                .limit(limit)
                .fetch(it -> new PendingDeadline(new OrderId(it.value1()), it.value2()));
    }
}
