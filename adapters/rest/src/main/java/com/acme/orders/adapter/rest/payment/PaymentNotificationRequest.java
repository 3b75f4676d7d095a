package com.acme.orders.adapter.rest.payment;

import com.acme.orders.domain.PaymentReference;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The body of {@code POST /v1/payment-notifications}: a payment provider says it took {@code amount} for an order.
 *
 * @param paymentReference the provider's id of the payment; a repeated notification carries the same one
 * @param step       which step of the payment this reports: started and pending, succeeded (the default), failed
 * @param capturedAt when the provider took the money, by its clock (RFC 3339 with an offset); optional. A payment
 *     captured before the deadline settles an order that is still unpaid, even when this notification arrives after
 *     the deadline.
 */
record PaymentNotificationRequest(
        @NotNull UUID orderId,
        @NotBlank @Size(max = PaymentReference.MAX_LENGTH) String paymentReference,
        @NotNull @Schema(types = {"string", "number"}) BigDecimal amount,

        @NotNull @Pattern(regexp = "[A-Z]{3}", message = "must be a three-letter ISO 4217 code in upper case")
        String currency,

        @Nullable
        @Pattern(
                regexp = CAPTURE_TIME,
                message = "must be an RFC 3339 date and time with an offset, such as" + " \"2026-12-06T21:59:58.123Z\"")
        @Schema(
                format = "date-time",
                example = "2026-12-06T21:59:58.123Z",
                description = "When the provider took the money, by its clock; optional")
        String capturedAt,

        @Nullable
        @Schema(
                description = "Which step of the payment this reports; SUCCEEDED when absent",
                defaultValue = "SUCCEEDED")
        Step step) {

    /** The steps of a payment a provider reports. */
    enum Step {
        /** Started, outcome pending (3-D Secure, a bank redirect, a wallet). */
        IN_PROGRESS,
        /** The money was taken. */
        SUCCEEDED,
        /** It will not complete. */
        FAILED
    }

    Step stepOrDefault() {
        return step == null ? Step.SUCCEEDED : step;
    }

    static final String CAPTURE_TIME =
            "[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\\.[0-9]{1,9})?(Z|[+-][0-9]{2}:[0-9]{2})";
}
