package com.acme.orders.adapter.postgres.change;

import static com.acme.orders.adapter.postgres.jooq.Tables.ORDERS;
import static com.acme.orders.adapter.postgres.jooq.Tables.ORDER_ITEMS;
import static com.acme.orders.adapter.postgres.sql.ArrayBinds.column;
import static com.acme.orders.adapter.postgres.sql.ArrayBinds.texts;
import static com.acme.orders.adapter.postgres.sql.ArrayBinds.uuids;
import static org.jooq.impl.DSL.any;
import static org.jooq.impl.DSL.row;
import static org.jooq.impl.DSL.table;

import com.acme.orders.adapter.postgres.jooq.tables.records.OrderItemsRecord;
import com.acme.orders.adapter.postgres.jooq.tables.records.OrdersRecord;
import com.acme.orders.adapter.postgres.sql.RenderedOnce;
import com.acme.orders.application.change.port.ConcurrentOrderChange;
import com.acme.orders.application.change.port.OrderRepository;
import com.acme.orders.domain.CancellationReason;
import com.acme.orders.domain.Order;
import com.acme.orders.domain.OrderId;
import com.acme.orders.domain.OrderStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.stream.Stream;
import org.jmolecules.architecture.hexagonal.SecondaryAdapter;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Query;
import org.jooq.Record;
import org.jooq.Result;
import org.jooq.SelectOnConditionStep;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;
import org.jspecify.annotations.Nullable;

/**
 * Orders in two tables, {@code orders} and {@code order_items}. The {@link DSLContext} joins the Spring transaction
 * the use case opened, so a lock taken here is held until that use case commits.
 */
@SecondaryAdapter
public class PostgresOrderRepository implements OrderRepository {

    private final DSLContext db;
    /** The statement that adds an order of n lines, at index n, rendered when an order of n lines first comes. */
    private final AtomicReferenceArray<RenderedOnce> additions = new AtomicReferenceArray<>(Order.MAX_ITEMS + 1);
    /** The conditional updates of a payment or a customer's cancel, and of a timeout: rendered when first needed. */
    private volatile @Nullable RenderedOnce changeUpdate;

    private volatile @Nullable RenderedOnce timeoutUpdate;

    private final RenderedOnce batchUpdate;

    /** Reading one order, and locking it (see {@link RenderedOnce}): most requests do one of the two. */
    private final RenderedOnce read;

    private final RenderedOnce lockOne;

    public PostgresOrderRepository(DSLContext db) {
        this.db = db;
        this.batchUpdate = RenderedOnce.of(db, batchUpdate(db));
        var one = withItemsJoined().where(ORDERS.ID.eq(DSL.param("id", ORDERS.ID.getDataType())));
        this.read = RenderedOnce.of(db, one);
        // Waits for any other writer of this row and then reads the state it committed (READ COMMITTED re-reads
        // a row it had to wait for), so a payment, a cancel and a timeout decide one after the other. The lines come
        // in the same round trip; only the order row is locked.
        // The database's clock comes along (LockTime), for the decision that follows the lock.
        this.lockOne = RenderedOnce.of(
                db,
                withItemsJoined(LOCKED_AT)
                        .where(ORDERS.ID.eq(DSL.param("id", ORDERS.ID.getDataType())))
                        .forUpdate()
                        .of(ORDERS));
    }

    /**
     * The order row and all its lines in one statement, one round trip: the order is inserted by a data-modifying CTE
     * and its lines by the statement around it (their foreign key is checked at the end of the statement, when the
     * order row is there).
     */
    @Override
    public void add(Order order) {
        OrdersRecord row = OrderMapper.toRow(order);
        List<OrderItemsRecord> items = OrderMapper.toItemRows(order);
        var values = new ArrayList<Object>(NEW_ORDER_COLUMNS.size() + items.size() * ORDER_ITEMS.fields().length);
        for (Field<?> column : NEW_ORDER_COLUMNS) {
            values.add(row.get(column));
        }
        // Value by value: Record.intoArray() looks its mapper up in a cache built anew for each call, which cost more
        // CPU than the rest of the statement's binding (docs/front-door.md).
        for (OrderItemsRecord item : items) {
            for (int column = 0; column < item.size(); column++) {
                values.add(item.get(column));
            }
        }
        // With the placed event at the commit (WritesAtCommit): the order and its event in one round trip.
        addition(items.size()).executeAtCommit(db, added -> {}, values.toArray());
    }

    private static final List<Field<?>> NEW_ORDER_COLUMNS = List.of(ORDERS.fields());

    private RenderedOnce addition(int lines) {
        RenderedOnce known = additions.get(lines);
        if (known != null) {
            return known;
        }
        var order = db.insertInto(ORDERS)
                .columns(NEW_ORDER_COLUMNS)
                .values(NEW_ORDER_COLUMNS.stream()
                        .map(PostgresOrderRepository::placeholder)
                        .toList());
        var itemRows = db.insertInto(ORDER_ITEMS).columns(ORDER_ITEMS.fields());
        for (int line = 0; line < lines; line++) {
            itemRows = itemRows.values(Arrays.stream(ORDER_ITEMS.fields())
                    .map(PostgresOrderRepository::placeholder)
                    .toList());
        }
        var rendered = RenderedOnce.of(db, "with new_order as (%s) %s", order, itemRows);
        additions.compareAndSet(lines, null, rendered);
        return rendered;
    }

    private static <T> Field<T> placeholder(Field<T> column) {
        return DSL.param(column.getName(), column.getDataType());
    }

    @Override
    public Optional<Order> find(OrderId id) {
        return OrderRows.single(read.fetch(db, JOINED_COLUMNS, id.value()));
    }

    @Override
    public Optional<Order> lock(OrderId id) {
        var joined = lockOne.fetch(db, LOCKED_COLUMNS, id.value());
        if (joined.isNotEmpty()) {
            LockTime.remember(joined.getFirst().get(LOCKED_AT));
        }
        return OrderRows.single(joined);
    }

    private static final Field<?>[] JOINED_COLUMNS = Stream.concat(
                    Stream.of(ORDERS.fields()), Stream.of(ORDER_ITEMS.fields()))
            .toArray(Field<?>[]::new);

    /** The database's clock when the row was locked (or re-read after waiting for its lock). */
    private static final Field<Instant> LOCKED_AT =
            DSL.field("clock_timestamp()", SQLDataType.INSTANT).as("locked_at");

    private static final Field<?>[] LOCKED_COLUMNS =
            Stream.concat(Stream.of(JOINED_COLUMNS), Stream.of(LOCKED_AT)).toArray(Field<?>[]::new);

    private SelectOnConditionStep<Record> withItemsJoined(Field<?>... more) {
        return db.select(ORDERS.fields())
                .select(ORDER_ITEMS.fields())
                .select(more)
                .from(ORDERS)
                .leftJoin(ORDER_ITEMS)
                .on(ORDER_ITEMS.ORDER_ID.eq(ORDERS.ID));
    }

    @Override
    public void update(Order order) {
        conditionalUpdate(order);
    }

    @Override
    public List<Order> lockAll(Collection<OrderId> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        // PostgreSQL locks the rows as the sorted result passes through, so every batch takes its locks in id order
        // and two batches sharing orders queue behind each other instead of deadlocking. A single-order change holds
        // one lock only, so it can never close a cycle with a batch either.
        Result<OrdersRecord> rows = db.selectFrom(ORDERS)
                .where(ORDERS.ID.eq(any(uuids(List.copyOf(ids), OrderId::value))))
                .orderBy(ORDERS.ID)
                .forUpdate()
                .fetch();
        return OrderRows.withItems(db, rows);
    }

    @Override
    public void updateAll(Collection<Order> orders) {
        if (orders.isEmpty()) {
            return;
        }
        List<Order> batch = List.copyOf(orders);
        List<OrdersRecord> rows = batch.stream().map(OrderMapper::toRow).toList();
        // RETURNING tells which rows met the conditions, so a refused order is named.
        Set<UUID> updated = new HashSet<>(batchUpdate
                .fetch(
                        db,
                        UPDATED,
                        texts(rows, OrdersRecord::getId),
                        texts(rows, OrdersRecord::getVersion),
                        texts(rows, OrdersRecord::getStatus),
                        texts(rows, OrdersRecord::getPaymentReference),
                        texts(rows, OrdersRecord::getPaidAt),
                        texts(rows, OrdersRecord::getCancelledAt),
                        texts(rows, OrdersRecord::getCancellationReason),
                        texts(batch, PostgresOrderRepository::isTimeout),
                        texts(rows, OrdersRecord::getPaymentInProgress),
                        texts(rows, OrdersRecord::getPaymentInProgressSince),
                        texts(rows, OrdersRecord::getHeldUntil),
                        texts(rows, OrdersRecord::getRemindedAt))
                .getValues(ORDERS.ID));
        for (OrdersRecord row : rows) {
            if (!updated.contains(row.getId())) {
                throw new ConcurrentOrderChange(new OrderId(row.getId()));
            }
        }
    }

    private static final Field<?>[] UPDATED = {ORDERS.ID};

    /**
     * The statement of {@link #updateAll}: one for the whole batch, its rows as arrays (ArrayBinds#texts), so one
     * parse, one plan and one round trip whatever the batch size, where a JDBC batch of per-order statements cost the
     * server a parse and a plan for each order. Each row meets the same conditions as {@link #conditionalUpdate(Order)},
     * and the ids of those that did come back. Its values are the twelve arrays, in order.
     */
    private static Query batchUpdate(DSLContext db) {
        Table<?> changed = table(
                        "unnest({0}, {1}, {2}, {3}, {4}, {5}, {6}, {7}, {8}, {9}, {10}, {11})",
                        texts("id", "uuid"),
                        texts("version", "bigint"),
                        texts("status", "varchar"),
                        texts("payment_reference", "varchar"),
                        texts("paid_at", "timestamptz"),
                        texts("cancelled_at", "timestamptz"),
                        texts("cancellation_reason", "varchar"),
                        texts("timeout", "boolean"),
                        texts("payment_in_progress", "varchar"),
                        texts("payment_in_progress_since", "timestamptz"),
                        texts("held_until", "timestamptz"),
                        texts("reminded_at", "timestamptz"))
                .as(
                        "changed",
                        "id",
                        "version",
                        "status",
                        "payment_reference",
                        "paid_at",
                        "cancelled_at",
                        "cancellation_reason",
                        "timeout",
                        "payment_in_progress",
                        "payment_in_progress_since",
                        "held_until",
                        "reminded_at");
        return db.update(ORDERS)
                .set(ORDERS.STATUS, column("changed", "status", String.class))
                .set(ORDERS.PAYMENT_REFERENCE, column("changed", "payment_reference", String.class))
                .set(ORDERS.PAID_AT, column("changed", "paid_at", SQLDataType.INSTANT))
                .set(ORDERS.CANCELLED_AT, column("changed", "cancelled_at", SQLDataType.INSTANT))
                .set(ORDERS.CANCELLATION_REASON, column("changed", "cancellation_reason", String.class))
                .set(ORDERS.PAYMENT_IN_PROGRESS, column("changed", "payment_in_progress", String.class))
                .set(
                        ORDERS.PAYMENT_IN_PROGRESS_SINCE,
                        column("changed", "payment_in_progress_since", SQLDataType.INSTANT))
                .set(ORDERS.HELD_UNTIL, column("changed", "held_until", SQLDataType.INSTANT))
                .set(ORDERS.REMINDED_AT, column("changed", "reminded_at", SQLDataType.INSTANT))
                .set(ORDERS.VERSION, ORDERS.VERSION.plus(DSL.inline(1L)))
                .from(changed)
                .where(ORDERS.ID.eq(column("changed", "id", UUID.class)))
                .and(ORDERS.VERSION.eq(column("changed", "version", Long.class)))
                .and(ORDERS.STATUS.eq(DSL.inline(OrderMapper.status(OrderStatus.UNPAID))))
                .and(column("changed", "timeout", Boolean.class)
                        .eq(DSL.inline(false))
                        .or(ORDERS.PAYMENT_DEADLINE.le(column("changed", "cancelled_at", SQLDataType.INSTANT))))
                .returning(ORDERS.ID);
    }

    /**
     * Only an order still UNPAID at the version we read may move; a second writer, or one that read a stale row,
     * updates nothing, whether or not it took the lock first. A timeout applies only once the stored deadline has
     * passed, so not even a bug in the caller's clock handling can cancel an order that may still be paid. Sent with
     * the change's event at the commit (WritesAtCommit); a row not updated fails the commit.
     */
    private void conditionalUpdate(Order order) {
        OrdersRecord row = OrderMapper.toRow(order);
        boolean timeout = isTimeout(order);
        RenderedOnce update = timeout ? timeoutUpdate : changeUpdate;
        if (update == null) {
            update = RenderedOnce.of(db, conditionalUpdate(timeout));
            if (timeout) {
                timeoutUpdate = update;
            } else {
                changeUpdate = update;
            }
        }
        var values = new ArrayList<@Nullable Object>(
                List.of(row.getStatus(), row.getId(), row.getVersion(), OrderMapper.status(OrderStatus.UNPAID)));
        values.add(1, row.getPaymentReference());
        values.add(2, row.getPaidAt());
        values.add(3, row.getCancelledAt());
        values.add(4, row.getCancellationReason());
        values.add(5, row.getPaymentInProgress());
        values.add(6, row.getPaymentInProgressSince());
        values.add(7, row.getHeldUntil());
        values.add(8, row.getRemindedAt());
        if (timeout) {
            values.add(row.getCancelledAt());
        }
        update.executeAtCommit(
                db,
                updated -> {
                    if (updated == 0) {
                        throw new ConcurrentOrderChange(order.id());
                    }
                },
                values.toArray());
    }

    /** The statement of {@link #conditionalUpdate(Order)}, its values in the order the method gives them. */
    private Query conditionalUpdate(boolean timeout) {
        Condition unchanged = ORDERS.ID
                .eq(DSL.param("id", ORDERS.ID.getDataType()))
                .and(ORDERS.VERSION.eq(DSL.param("version", ORDERS.VERSION.getDataType())))
                .and(ORDERS.STATUS.eq(DSL.param("unpaid", ORDERS.STATUS.getDataType())));
        if (timeout) {
            unchanged = unchanged.and(
                    ORDERS.PAYMENT_DEADLINE.le(DSL.param("cancelled_at", ORDERS.CANCELLED_AT.getDataType())));
        }
        return db.update(ORDERS)
                .set(ORDERS.STATUS, placeholder(ORDERS.STATUS))
                .set(ORDERS.PAYMENT_REFERENCE, placeholder(ORDERS.PAYMENT_REFERENCE))
                .set(ORDERS.PAID_AT, placeholder(ORDERS.PAID_AT))
                .set(ORDERS.CANCELLED_AT, placeholder(ORDERS.CANCELLED_AT))
                .set(ORDERS.CANCELLATION_REASON, placeholder(ORDERS.CANCELLATION_REASON))
                .set(ORDERS.PAYMENT_IN_PROGRESS, placeholder(ORDERS.PAYMENT_IN_PROGRESS))
                .set(ORDERS.PAYMENT_IN_PROGRESS_SINCE, placeholder(ORDERS.PAYMENT_IN_PROGRESS_SINCE))
                .set(ORDERS.HELD_UNTIL, placeholder(ORDERS.HELD_UNTIL))
                .set(ORDERS.REMINDED_AT, placeholder(ORDERS.REMINDED_AT))
                .set(ORDERS.VERSION, ORDERS.VERSION.plus(DSL.inline(1L)))
                .where(unchanged);
    }

    private static boolean isTimeout(Order order) {
        return order.cancellationReason()
                .filter(CancellationReason.PAYMENT_TIMEOUT::equals)
                .isPresent();
    }
}
