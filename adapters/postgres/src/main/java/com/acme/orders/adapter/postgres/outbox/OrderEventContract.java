package com.acme.orders.adapter.postgres.outbox;

import com.acme.orders.adapter.postgres.change.OrderMapper;
import com.acme.orders.adapter.postgres.jooq.tables.records.OutboxRecord;
import com.acme.orders.adapter.postgres.sql.DetachedRows;
import com.acme.orders.application.outbox.port.PendingEvent;
import com.acme.orders.domain.LineItem;
import com.acme.orders.domain.Money;
import com.acme.orders.domain.OrderCancelled;
import com.acme.orders.domain.OrderEvent;
import com.acme.orders.domain.OrderPaid;
import com.acme.orders.domain.OrderPlaced;
import com.acme.orders.domain.PaymentReminder;
import com.acme.orders.domain.RefundRequested;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

/**
 * The published contract of the order events, in one place: the versioned CloudEvents type and the JSON data of each
 * event, and the outbox row that carries them. It lives where the row is written because the row is what gets
 * published; the broker adapter sends the data as it finds it. The JSON Schemas in {@code docs/events} describe these
 * records: a change here that is not a new optional field is a new version ({@code .v2}), published beside the old one.
 *
 * <p>Amounts are strings ({@code "25.00"}, at the currency's scale) because a JSON number is a binary float to many
 * consumers; instants are RFC 3339 in UTC.
 */
final class OrderEventContract {

    static final String PLACED = "com.acme.orders.order.placed.v1";
    static final String PAID = "com.acme.orders.order.paid.v1";
    static final String CANCELLED = "com.acme.orders.order.cancelled.v1";
    static final String REFUND_REQUESTED = "com.acme.orders.order.refund-requested.v1";
    static final String PAYMENT_REMINDER = "com.acme.orders.order.payment-reminder.v1";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private OrderEventContract() {}

    record Item(String sku, int quantity, String unitPrice) {}

    record PlacedV1(
            String orderId,
            String orderNumber,
            String customerId,
            String amount,
            String currency,
            List<Item> items,
            String paymentDeadline,
            String placedAt) {}

    record PaidV1(
            String orderId,
            String orderNumber,
            String customerId,
            String amount,
            String currency,
            String paymentReference,
            String paidAt) {}

    /** What the notification service tells the customer, and the items inventory releases. */
    record CancelledV1(
            String orderId,
            String orderNumber,
            String customerId,
            String amount,
            String currency,
            String reason,
            String cancelledAt,
            List<Item> items) {}

    /** Money arrived that the order cannot keep: what the payment provider needs to give it back, and why. */
    record RefundRequestedV1(
            String orderId,
            String orderNumber,
            String customerId,
            String amount,
            String currency,
            String paymentReference,
            String reason,
            String requestedAt) {}

    /** The deadline of an unpaid order is near: what the notification service needs to remind its customer. */
    record PaymentReminderV1(
            String orderId,
            String orderNumber,
            String customerId,
            String amount,
            String currency,
            String paymentDeadline,
            String remindedAt) {}

    static OutboxRecord toRow(OrderEvent event, Instant storedAt, @Nullable String traceparent) {
        var row = DetachedRows.of(new OutboxRecord());
        row.setEventId(event.eventId());
        row.setOrderId(event.orderId().value());
        row.setEventType(type(event));
        row.setOccurredAt(OrderMapper.timestamp(event.occurredAt()));
        row.setData(JSON.writeValueAsString(data(event)));
        row.setCreatedAt(storedAt);
        row.setAvailableAt(storedAt);
        row.setTraceparent(traceparent);
        return row;
    }

    static PendingEvent toPendingEvent(OutboxRecord row) {
        return new PendingEvent(
                row.getId(),
                row.getEventId(),
                row.getOrderId().toString(),
                row.getEventType(),
                row.getOccurredAt(),
                row.getData(),
                row.getCreatedAt(),
                row.getAttempts(),
                row.getTraceparent());
    }

    static String type(OrderEvent event) {
        return switch (event) {
            case OrderPlaced ignored -> PLACED;
            case OrderPaid ignored -> PAID;
            case OrderCancelled ignored -> CANCELLED;
            case RefundRequested ignored -> REFUND_REQUESTED;
            case PaymentReminder ignored -> PAYMENT_REMINDER;
        };
    }

    static Object data(OrderEvent event) {
        return switch (event) {
            case OrderPlaced it ->
                new PlacedV1(
                        it.orderId().toString(),
                        it.orderNumber().value(),
                        it.customerId().value(),
                        amount(it.total()),
                        currency(it.total()),
                        items(it.items()),
                        it.paymentDeadline().toString(),
                        it.occurredAt().toString());
            case OrderPaid it ->
                new PaidV1(
                        it.orderId().toString(),
                        it.orderNumber().value(),
                        it.customerId().value(),
                        amount(it.total()),
                        currency(it.total()),
                        it.paymentReference().value(),
                        it.occurredAt().toString());
            case OrderCancelled it ->
                new CancelledV1(
                        it.orderId().toString(),
                        it.orderNumber().value(),
                        it.customerId().value(),
                        amount(it.total()),
                        currency(it.total()),
                        it.reason().name(),
                        it.occurredAt().toString(),
                        items(it.items()));
            case RefundRequested it ->
                new RefundRequestedV1(
                        it.orderId().toString(),
                        it.orderNumber().value(),
                        it.customerId().value(),
                        amount(it.amount()),
                        currency(it.amount()),
                        it.paymentReference().value(),
                        it.reason().name(),
                        it.occurredAt().toString());
            case PaymentReminder it ->
                new PaymentReminderV1(
                        it.orderId().toString(),
                        it.orderNumber().value(),
                        it.customerId().value(),
                        amount(it.total()),
                        currency(it.total()),
                        it.paymentDeadline().toString(),
                        it.occurredAt().toString());
        };
    }

    private static List<Item> items(List<LineItem> items) {
        return items.stream()
                .map(it -> new Item(it.sku().value(), it.quantity().value(), amount(it.unitPrice())))
                .toList();
    }

    private static String amount(Money money) {
        return money.amount().toPlainString();
    }

    private static String currency(Money money) {
        return money.currency().getCurrencyCode();
    }
}
