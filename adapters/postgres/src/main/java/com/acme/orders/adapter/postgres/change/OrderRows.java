package com.acme.orders.adapter.postgres.change;

import static com.acme.orders.adapter.postgres.jooq.Tables.ORDERS;
import static com.acme.orders.adapter.postgres.jooq.Tables.ORDER_ITEMS;
import static com.acme.orders.adapter.postgres.sql.ArrayBinds.uuids;
import static org.jooq.impl.DSL.any;

import com.acme.orders.adapter.postgres.jooq.tables.records.OrderItemsRecord;
import com.acme.orders.adapter.postgres.jooq.tables.records.OrdersRecord;
import com.acme.orders.domain.Order;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.Result;

/** Order rows completed with their lines, for every reader of orders in this adapter. */
public final class OrderRows {

    private OrderRows() {}

    /**
     * One order from the rows of {@code orders LEFT JOIN order_items} (one row per line): the order and its lines in
     * one round trip, where reading one order by its id.
     */
    public static Optional<Order> single(Result<Record> joined) {
        if (joined.isEmpty()) {
            return Optional.empty();
        }
        List<OrderItemsRecord> items = joined.stream()
                .filter(it -> it.get(ORDER_ITEMS.ORDER_ID) != null)
                .map(it -> it.into(ORDER_ITEMS))
                .toList();
        return Optional.of(OrderMapper.toOrder(joined.getFirst().into(ORDERS), items));
    }

    /** The lines of all the given orders in one query, whatever their number: a page costs two queries, not N + 1. */
    public static List<Order> withItems(DSLContext db, List<OrdersRecord> rows) {
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<UUID, List<OrderItemsRecord>> items = db.selectFrom(ORDER_ITEMS)
                .where(ORDER_ITEMS.ORDER_ID.eq(any(uuids(rows, OrdersRecord::getId))))
                .collect(Collectors.groupingBy(OrderItemsRecord::getOrderId));
        return rows.stream()
                .map(it -> OrderMapper.toOrder(it, items.getOrDefault(it.getId(), List.of())))
                .toList();
    }
}
