package com.acme.orders.adapter.rest.order;

import com.acme.orders.application.ordering.ListCustomerOrders;
import com.acme.orders.application.ordering.PlaceOrder;
import com.acme.orders.application.ordering.port.CustomerOrders.OrderCursor;
import com.acme.orders.domain.CustomerId;
import com.acme.orders.domain.DomainRuleViolation;
import com.acme.orders.domain.LineItem;
import com.acme.orders.domain.Money;
import com.acme.orders.domain.Order;
import com.acme.orders.domain.OrderId;
import com.acme.orders.domain.OrderStatus;
import com.acme.orders.domain.PaymentReference;
import com.acme.orders.domain.Quantity;
import com.acme.orders.domain.Sku;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;

/**
 * Every translation between the JSON of the orders API and the types of the application, in both directions. Value
 * objects are built here, so the domain's rules run before any use case does; a rule the domain breaks is reported
 * against the JSON field the client sent ({@code items[1].unitPrice}), not the domain's name for it.
 */
@Component
public class OrderJsonMapper {

    /** Longer than any cursor we hand out (an instant and a UUID); a longer one is refused before it is decoded. */
    private static final int MAX_CURSOR_LENGTH = 128;

    PlaceOrder.Command toCommand(CustomerId customer, PlaceOrderRequest request) {
        Currency currency = at("currency", () -> Money.currency(request.currency()));
        List<LineItem> items = new ArrayList<>();
        for (int i = 0; i < request.items().size(); i++) {
            var item = request.items().get(i);
            String field = "items[" + i + "]";
            items.add(new LineItem(
                    at(field + ".sku", () -> new Sku(item.sku())),
                    at(field + ".quantity", () -> new Quantity(item.quantity())),
                    at(field + ".unitPrice", () -> Money.of(item.unitPrice(), currency))));
        }
        Optional<Duration> window =
                Optional.ofNullable(request.paymentWindowMinutes()).map(Duration::ofMinutes);
        return new PlaceOrder.Command(customer, items, window);
    }

    ListCustomerOrders.Query toQuery(
            CustomerId customer, Optional<OrderStatus> status, int limit, Optional<String> cursor) {
        return new ListCustomerOrders.Query(customer, status, cursor.map(OrderJsonMapper::decodeCursor), limit);
    }

    OrderResponse toJson(Order order) {
        return new OrderResponse(
                order.id().value(),
                order.number().value(),
                order.customerId().value(),
                order.status(),
                order.total().currency().getCurrencyCode(),
                order.total().amount().toPlainString(),
                order.items().stream().map(OrderJsonMapper::toJson).toList(),
                order.createdAt(),
                order.paymentDeadline(),
                order.paidAt().orElse(null),
                order.paymentReference().map(PaymentReference::value).orElse(null),
                order.cancelledAt().orElse(null),
                order.cancellationReason().orElse(null),
                order.paymentInProgress()
                        .map(held -> new OrderResponse.PaymentInProgressResponse(
                                held.reference().value(), held.since(), held.heldUntil()))
                        .orElse(null));
    }

    OrderPageResponse toJson(ListCustomerOrders.Page page) {
        return new OrderPageResponse(
                page.orders().stream().map(this::toJson).toList(),
                page.next().map(OrderJsonMapper::encodeCursor).orElse(null));
    }

    private static OrderResponse.ItemResponse toJson(LineItem item) {
        return new OrderResponse.ItemResponse(
                item.sku().value(),
                item.quantity().value(),
                item.unitPrice().amount().toPlainString());
    }

    /**
     * Opaque to clients so that the keyset behind it (created-at, then id) can change without breaking them:
     * base64url of {@code <instant>|<uuid>}.
     */
    private static String encodeCursor(OrderCursor cursor) {
        String position = cursor.createdAt() + "|" + cursor.orderId().value();
        return Base64.getUrlEncoder().withoutPadding().encodeToString(position.getBytes(StandardCharsets.UTF_8));
    }

    private static OrderCursor decodeCursor(String cursor) {
        try {
            if (cursor.length() <= MAX_CURSOR_LENGTH) {
                String position = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
                String[] parts = position.split("\\|", -1);
                if (parts.length == 2) {
                    return new OrderCursor(Instant.parse(parts[0]), new OrderId(UUID.fromString(parts[1])));
                }
            }
        } catch (IllegalArgumentException | DateTimeParseException e) {
            // Any cursor we cannot read is one we did not hand out; the client hears that, not why.
        }
        throw new MalformedCursor();
    }

    private static <T> T at(String field, Supplier<T> valueObject) {
        try {
            return valueObject.get();
        } catch (DomainRuleViolation e) {
            throw new DomainRuleViolation(field, e.rule());
        }
    }
}
