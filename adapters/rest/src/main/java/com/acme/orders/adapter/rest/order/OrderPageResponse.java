package com.acme.orders.adapter.rest.order;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One page of a customer's orders, newest first.
 *
 * @param nextCursor pass it as {@code cursor} to read the next page; {@code null} on the last page
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
record OrderPageResponse(
        List<OrderResponse> orders, @Nullable String nextCursor) {}
