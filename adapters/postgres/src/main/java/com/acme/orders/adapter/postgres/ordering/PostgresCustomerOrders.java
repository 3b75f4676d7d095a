package com.acme.orders.adapter.postgres.ordering;

import static com.acme.orders.adapter.postgres.jooq.Tables.ORDERS;
import static org.jooq.impl.DSL.row;

import com.acme.orders.adapter.postgres.change.OrderMapper;
import com.acme.orders.adapter.postgres.change.OrderRows;
import com.acme.orders.adapter.postgres.jooq.tables.records.OrdersRecord;
import com.acme.orders.application.ordering.port.CustomerOrders;
import com.acme.orders.domain.CustomerId;
import com.acme.orders.domain.Order;
import com.acme.orders.domain.OrderId;
import com.acme.orders.domain.OrderStatus;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jmolecules.architecture.hexagonal.SecondaryAdapter;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Result;

/** A customer's orders, served by the index on (customer_id, created_at, id). */
@SecondaryAdapter
public class PostgresCustomerOrders implements CustomerOrders {

    private final DSLContext db;

    public PostgresCustomerOrders(DSLContext db) {
        this.db = db;
    }

    @Override
    public List<Order> listOfCustomer(
            CustomerId customer, Optional<OrderStatus> status, Optional<OrderCursor> after, int limit) {
        Condition page = ORDERS.CUSTOMER_ID.eq(customer.value());
        if (status.isPresent()) {
            page = page.and(ORDERS.STATUS.eq(OrderMapper.status(status.get())));
        }
        if (after.isPresent()) {
            // Keyset: strictly after the cursor in (created_at desc, id desc), so a page never repeats or skips an
            // order, however many orders were placed since the previous page.
            page = page.and(row(ORDERS.CREATED_AT, ORDERS.ID)
                    .lt(
                            OrderMapper.timestamp(after.get().createdAt()),
                            after.get().orderId().value()));
        }
        Result<OrdersRecord> rows = db.selectFrom(ORDERS)
                .where(page)
                .orderBy(ORDERS.CREATED_AT.desc(), ORDERS.ID.desc())
                .limit(limit)
                .fetch();
        return OrderRows.withItems(db, rows);
    }

    @Override
    public List<OrderId> overdueOfCustomer(CustomerId customer, Instant now, int limit) {
        return db.select(ORDERS.ID)
                .from(ORDERS)
                .where(ORDERS.CUSTOMER_ID.eq(customer.value()))
                .and(ORDERS.STATUS.eq(OrderMapper.status(OrderStatus.UNPAID)))
                .and(ORDERS.PAYMENT_DEADLINE.le(OrderMapper.timestamp(now)))
                .orderBy(ORDERS.PAYMENT_DEADLINE)
                .limit(limit)
                .fetch(it -> new OrderId(it.value1()));
    }
}
