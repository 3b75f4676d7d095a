package com.acme.orders.adapter.postgres;

import static com.acme.orders.adapter.postgres.jooq.Tables.ORDERS;
import static com.acme.orders.adapter.postgres.jooq.Tables.ORDER_ITEMS;
import static org.jooq.impl.DSL.row;

import com.acme.orders.adapter.postgres.jooq.tables.records.OrderItemsRecord;
import com.acme.orders.adapter.postgres.jooq.tables.records.OrdersRecord;
import com.acme.orders.application.port.ConcurrentOrderChange;
import com.acme.orders.application.port.OrderRepository;
import com.acme.orders.domain.CustomerId;
import com.acme.orders.domain.Order;
import com.acme.orders.domain.OrderId;
import com.acme.orders.domain.OrderStatus;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jmolecules.architecture.hexagonal.SecondaryAdapter;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Result;
import org.springframework.stereotype.Repository;

/**
 * Orders in two tables, {@code orders} and {@code order_items}. The {@link DSLContext} joins the Spring transaction
 * the use case opened, so a lock taken here is held until that use case commits.
 */
@Repository
@SecondaryAdapter
public class PostgresOrderRepository implements OrderRepository {

    private final DSLContext db;

    public PostgresOrderRepository(DSLContext db) {
        this.db = db;
    }

    @Override
    public void add(Order order) {
        db.insertInto(ORDERS).set(OrderMapper.toRow(order)).execute();
        // One multi-row statement for all lines, however many there are.
        db.insertInto(ORDER_ITEMS, ORDER_ITEMS.fields()).valuesOfRecords(OrderMapper.toItemRows(order)).execute();
    }

    @Override
    public Optional<Order> find(OrderId id) {
        return db.selectFrom(ORDERS)
                .where(ORDERS.ID.eq(id.value()))
                .fetchOptional()
                .map(this::withItems);
    }

    @Override
    public Optional<Order> lock(OrderId id) {
        // Waits for any other writer of this row and then reads the state it committed (READ COMMITTED re-reads
        // a row it had to wait for), so a payment, a cancel and a timeout decide one after the other.
        return db.selectFrom(ORDERS)
                .where(ORDERS.ID.eq(id.value()))
                .forUpdate()
                .fetchOptional()
                .map(this::withItems);
    }

    @Override
    public void update(Order order) {
        OrdersRecord row = OrderMapper.toRow(order);
        // Only an order still UNPAID at the version we read may move; a second writer, or one that read a stale row,
        // updates nothing, whether or not it took the lock first.
        int updated = db.update(ORDERS)
                .set(ORDERS.STATUS, row.getStatus())
                .set(ORDERS.PAYMENT_REFERENCE, row.getPaymentReference())
                .set(ORDERS.PAID_AT, row.getPaidAt())
                .set(ORDERS.CANCELLED_AT, row.getCancelledAt())
                .set(ORDERS.CANCELLATION_REASON, row.getCancellationReason())
                .set(ORDERS.VERSION, ORDERS.VERSION.plus(1))
                .where(ORDERS.ID.eq(row.getId()))
                .and(ORDERS.VERSION.eq(row.getVersion()))
                .and(ORDERS.STATUS.eq(OrderMapper.status(OrderStatus.UNPAID)))
                .execute();
        if (updated == 0) {
            throw new ConcurrentOrderChange(order.id());
        }
    }

    @Override
    public List<Order> listOfCustomer(CustomerId customer, Optional<OrderStatus> status, Optional<OrderCursor> after,
                                      int limit) {
        Condition page = ORDERS.CUSTOMER_ID.eq(customer.value());
        if (status.isPresent()) {
            page = page.and(ORDERS.STATUS.eq(OrderMapper.status(status.get())));
        }
        if (after.isPresent()) {
            // Keyset: strictly after the cursor in (created_at desc, id desc), so a page never repeats or skips an
            // order, however many orders were placed since the previous page.
            page = page.and(row(ORDERS.CREATED_AT, ORDERS.ID)
                    .lt(OrderMapper.timestamp(after.get().createdAt()), after.get().orderId().value()));
        }
        Result<OrdersRecord> rows = db.selectFrom(ORDERS)
                .where(page)
                .orderBy(ORDERS.CREATED_AT.desc(), ORDERS.ID.desc())
                .limit(limit)
                .fetch();
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<UUID, List<OrderItemsRecord>> items = itemsOf(rows.getValues(ORDERS.ID));
        return rows.map(it -> OrderMapper.toOrder(it, items.getOrDefault(it.getId(), List.of())));
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

    private Order withItems(OrdersRecord row) {
        return OrderMapper.toOrder(row, itemsOf(List.of(row.getId())).getOrDefault(row.getId(), List.of()));
    }

    /** The lines of all the given orders in one query, whatever their number: a page costs two queries, not N + 1. */
    private Map<UUID, List<OrderItemsRecord>> itemsOf(List<UUID> orderIds) {
        return db.selectFrom(ORDER_ITEMS)
                .where(ORDER_ITEMS.ORDER_ID.in(orderIds))
                .collect(Collectors.groupingBy(OrderItemsRecord::getOrderId));
    }
}
