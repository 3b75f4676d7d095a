package com.acme.orders.adapter.postgres.deadline;

import static com.acme.orders.adapter.postgres.jooq.Tables.ORDERS;
import static org.jooq.impl.DSL.count;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.greatest;
import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.val;

import com.acme.orders.adapter.postgres.change.OrderMapper;
import com.acme.orders.application.deadline.port.DeadlineForecast;
import com.acme.orders.domain.OrderStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.jmolecules.architecture.hexagonal.SecondaryAdapter;
import org.jooq.DSLContext;
import org.jooq.Field;

/**
 * Unpaid orders counted by slot of their deadline, in one query over the partial index of unpaid orders: the range
 * scanned is the horizon asked for (an hour on the console), never the order history.
 */
@SecondaryAdapter
public class PostgresDeadlineForecast implements DeadlineForecast {

    private static final int OVERDUE = -1;

    private final DSLContext db;

    public PostgresDeadlineForecast(DSLContext db) {
        this.db = db;
    }

    @Override
    public Forecast forecast(Instant now, Duration width, int buckets) {
        Instant from = OrderMapper.timestamp(now);
        Instant horizon = OrderMapper.timestamp(now.plus(width.multipliedBy(buckets)));
        // The slot of each deadline from now, every overdue one in slot -1.
        Field<Integer> slot = greatest(
                        field(
                                "floor(extract(epoch from ({0} - {1})) / {2})::int",
                                Integer.class, ORDERS.PAYMENT_DEADLINE, val(from), val(width.toNanos() / 1e9)),
                        inline(OVERDUE))
                .as("slot");
        var rows = db.select(slot, count(), count().filterWhere(ORDERS.PAYMENT_IN_PROGRESS.isNotNull()))
                .from(ORDERS)
                .where(ORDERS.STATUS.eq(OrderMapper.status(OrderStatus.UNPAID)))
                .and(ORDERS.PAYMENT_DEADLINE.lt(horizon))
                .groupBy(field("slot"))
                .fetch();
        List<Long> due = new ArrayList<>(Collections.nCopies(buckets, 0L));
        long overdue = 0;
        long overdueInProgress = 0;
        long inProgress = 0;
        for (var row : rows) {
            int at = row.value1();
            inProgress += row.value3();
            if (at == OVERDUE) {
                overdue = row.value2();
                overdueInProgress = row.value3();
            } else if (at < buckets) {
                due.set(at, (long) row.value2());
            }
        }
        return new Forecast(overdue, overdueInProgress, inProgress, List.copyOf(due));
    }
}
