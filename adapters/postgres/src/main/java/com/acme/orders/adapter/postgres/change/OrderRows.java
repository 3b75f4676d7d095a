package com.acme.orders.adapter.postgres.change;

import static com.acme.orders.adapter.postgres.jooq.Tables.ORDER_ITEMS;
import static com.acme.orders.adapter.postgres.sql.ArrayBinds.uuids;
import static org.jooq.impl.DSL.any;

import com.acme.orders.adapter.postgres.jooq.tables.records.OrderItemsRecord;
import com.acme.orders.adapter.postgres.jooq.tables.records.OrdersRecord;
import com.acme.orders.domain.Order;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jooq.DSLContext;

/** Order rows completed with their lines, for every reader of orders in this adapter. */
public final class OrderRows {

    private OrderRows() {}

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
