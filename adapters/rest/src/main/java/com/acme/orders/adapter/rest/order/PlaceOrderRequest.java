package com.acme.orders.adapter.rest.order;

import com.acme.orders.domain.Order;
import com.acme.orders.domain.Quantity;
import com.acme.orders.domain.Sku;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.List;

/**
 * The body of {@code POST /v1/orders}. The constraints here answer "is this shaped like an order" with a 400 that names
 * the field; whether the currency exists or the price has too many decimals is the domain's call (a 422).
 *
 * @param paymentWindowMinutes absent means the service's standard window
 */
record PlaceOrderRequest(
        @NotNull @Pattern(regexp = "[A-Z]{3}", message = "must be a three-letter ISO 4217 code in upper case")
        String currency,

        @NotNull @Size(min = 1, max = Order.MAX_ITEMS) List<@NotNull @Valid ItemRequest> items,
        @Positive Integer paymentWindowMinutes) {

    /** @param unitPrice a JSON string or number; a string keeps every digit the client meant */
    record ItemRequest(
            @NotBlank @Size(max = Sku.MAX_LENGTH) String sku,
            @NotNull @Min(1) @Max(Quantity.MAX) Integer quantity,

            @NotNull
            @Schema(
                    types = {"string", "number"},
                    description = "At most as many decimals as the currency has")
            BigDecimal unitPrice) {}
}
