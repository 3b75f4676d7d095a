package com.acme.orders.adapter.rest.order;

import com.acme.orders.domain.CancellationReason;
import com.acme.orders.domain.OrderStatus;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * An order as a customer sees it. Every field is always present, {@code null} when it does not apply yet, so a client
 * reads one shape whatever the status. Amounts are strings at the currency's scale ({@code "25.00"}, {@code "3600"}
 * for JPY): a JSON number would invite a client to parse money into a binary float.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
record OrderResponse(
        UUID id,
        String orderNumber,
        String customerId,
        OrderStatus status,
        String currency,
        String total,
        List<ItemResponse> items,
        Instant createdAt,
        Instant paymentDeadline,
        @Nullable Instant paidAt,
        @Nullable String paymentReference,
        @Nullable Instant cancelledAt,
        @Nullable CancellationReason cancellationReason,
        @Nullable PaymentInProgressResponse paymentInProgress) {

    record ItemResponse(String sku, int quantity, String unitPrice) {}

    /** A payment the provider reported started: the order waits for its outcome until {@code heldUntil}. */
    record PaymentInProgressResponse(String paymentReference, Instant since, Instant heldUntil) {}
}
