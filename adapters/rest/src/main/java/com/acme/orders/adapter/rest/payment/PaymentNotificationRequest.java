package com.acme.orders.adapter.rest.payment;

import com.acme.orders.domain.PaymentReference;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.UUID;

/**
 * The body of {@code POST /v1/payment-notifications}: a payment provider says it took {@code amount} for an order.
 *
 * @param paymentReference the provider's id of the payment; a repeated notification carries the same one
 */
record PaymentNotificationRequest(
        @NotNull UUID orderId,
        @NotBlank @Size(max = PaymentReference.MAX_LENGTH) String paymentReference,
        @NotNull @Schema(types = {"string", "number"}) BigDecimal amount,

        @NotNull @Pattern(regexp = "[A-Z]{3}", message = "must be a three-letter ISO 4217 code in upper case")
        String currency) {}
