package com.acme.orders.adapter.postgres.change;

import com.acme.orders.adapter.postgres.jooq.tables.records.OrderItemsRecord;
import com.acme.orders.adapter.postgres.jooq.tables.records.OrdersRecord;
import com.acme.orders.adapter.postgres.sql.DetachedRows;
import com.acme.orders.domain.CancellationReason;
import com.acme.orders.domain.CustomerId;
import com.acme.orders.domain.LineItem;
import com.acme.orders.domain.Money;
import com.acme.orders.domain.Order;
import com.acme.orders.domain.OrderId;
import com.acme.orders.domain.OrderNumber;
import com.acme.orders.domain.OrderStatus;
import com.acme.orders.domain.PaymentInProgress;
import com.acme.orders.domain.PaymentReference;
import com.acme.orders.domain.Quantity;
import com.acme.orders.domain.Sku;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The one place where an order becomes rows and rows become an order again. Deliberately boring: a column per field,
 * no decisions. Loading goes through {@link Order#restore}, so a loaded order has raised no events.
 */
public final class OrderMapper {

    private OrderMapper() {}

    public static OrdersRecord toRow(Order order) {
        var row = DetachedRows.of(new OrdersRecord());
        row.setId(order.id().value());
        row.setOrderNumber(order.number().value());
        row.setCustomerId(order.customerId().value());
        row.setCurrency(order.total().currency().getCurrencyCode());
        row.setTotalAmount(order.total().amount());
        row.setStatus(status(order.status()));
        row.setCreatedAt(timestamp(order.createdAt()));
        row.setPaymentDeadline(timestamp(order.paymentDeadline()));
        row.setPaymentReference(
                order.paymentReference().map(PaymentReference::value).orElse(null));
        row.setPaidAt(order.paidAt().map(OrderMapper::timestamp).orElse(null));
        row.setCancelledAt(order.cancelledAt().map(OrderMapper::timestamp).orElse(null));
        row.setCancellationReason(
                order.cancellationReason().map(CancellationReason::name).orElse(null));
        order.paymentInProgress().ifPresent(held -> {
            row.setPaymentInProgress(held.reference().value());
            row.setPaymentInProgressSince(timestamp(held.since()));
            row.setHeldUntil(timestamp(held.heldUntil()));
        });
        row.setRemindedAt(order.remindedAt().map(OrderMapper::timestamp).orElse(null));
        row.setGraceUntil(order.graceUntil().map(OrderMapper::timestamp).orElse(null));
        row.setVersion(order.version());
        return row;
    }

    public static List<OrderItemsRecord> toItemRows(Order order) {
        var rows = new ArrayList<OrderItemsRecord>(order.items().size());
        for (int lineNo = 0; lineNo < order.items().size(); lineNo++) {
            var item = order.items().get(lineNo);
            var row = DetachedRows.of(new OrderItemsRecord());
            row.setOrderId(order.id().value());
            row.setLineNo((short) lineNo);
            row.setSku(item.sku().value());
            row.setQuantity(item.quantity().value());
            row.setUnitPrice(item.unitPrice().amount());
            rows.add(row);
        }
        return rows;
    }

    public static Order toOrder(OrdersRecord row, List<OrderItemsRecord> itemRows) {
        Currency currency = Money.currency(row.getCurrency());
        List<LineItem> items = itemRows.stream()
                .sorted(Comparator.comparing(OrderItemsRecord::getLineNo))
                .map(item -> new LineItem(
                        new Sku(item.getSku()),
                        new Quantity(item.getQuantity()),
                        Money.of(item.getUnitPrice(), currency)))
                .toList();
        return Order.restore(
                new OrderId(row.getId()),
                new OrderNumber(row.getOrderNumber()),
                new CustomerId(row.getCustomerId()),
                items,
                // numeric(19,4) comes back with four decimals; Money brings it back to the currency's own scale.
                Money.of(row.getTotalAmount(), currency),
                row.getCreatedAt(),
                row.getPaymentDeadline(),
                OrderStatus.valueOf(row.getStatus()),
                row.getPaymentReference() == null ? null : new PaymentReference(row.getPaymentReference()),
                row.getPaidAt(),
                row.getCancelledAt(),
                row.getCancellationReason() == null ? null : CancellationReason.valueOf(row.getCancellationReason()),
                paymentInProgress(row),
                row.getRemindedAt(),
                row.getGraceUntil(),
                row.getVersion());
    }

    private static @Nullable PaymentInProgress paymentInProgress(OrdersRecord row) {
        String reference = row.getPaymentInProgress();
        Instant since = row.getPaymentInProgressSince();
        Instant heldUntil = row.getHeldUntil();
        // All three or none, by a CHECK constraint.
        return reference == null || since == null || heldUntil == null
                ? null
                : new PaymentInProgress(new PaymentReference(reference), since, heldUntil);
    }

    public static String status(OrderStatus status) {
        return status.name();
    }

    /**
     * An instant as PostgreSQL stores it. timestamptz keeps microseconds while a {@code Clock} may hand out
     * nanoseconds, and the driver would round them; cutting them off here, for every instant written or compared,
     * makes the stored value predictable and never later than the one the domain decided with.
     */
    public static Instant timestamp(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MICROS);
    }
}
