package com.acme.orders.adapter.rest.order;

import com.acme.orders.adapter.rest.openapi.OpenApiDocumentation;
import com.acme.orders.adapter.rest.problem.OrderRefused;
import com.acme.orders.adapter.rest.security.CurrentCustomer;
import com.acme.orders.application.ordering.CancelOrder;
import com.acme.orders.application.ordering.GetOrder;
import com.acme.orders.application.ordering.ListCustomerOrders;
import com.acme.orders.application.ordering.PlaceOrder;
import com.acme.orders.domain.CustomerId;
import com.acme.orders.domain.OrderId;
import com.acme.orders.domain.OrderStatus;
import com.acme.orders.domain.Transition;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.Optional;
import java.util.UUID;
import org.jmolecules.architecture.hexagonal.PrimaryAdapter;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** What a customer does with their own orders. Another customer's order does not exist for them: 404, never 403. */
@RestController
@PrimaryAdapter
@RequestMapping(path = "/v1/orders", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Orders", description = "A customer's own orders")
@SecurityRequirement(name = OpenApiDocumentation.CUSTOMER)
@ApiResponse(responseCode = "401", description = "The request does not identify the customer")
@ApiResponse(responseCode = "503", description = OpenApiDocumentation.SERVICE_BUSY)
public class OrderController {

    static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    static final String IDEMPOTENT_REPLAYED = "Idempotent-Replayed";
    /** Room for a UUID or any client-made key; the column holds 255. */
    static final int MAX_IDEMPOTENCY_KEY_LENGTH = 255;

    private final PlaceOrder placeOrder;
    private final GetOrder getOrder;
    private final ListCustomerOrders listCustomerOrders;
    private final CancelOrder cancelOrder;
    private final OrderJsonMapper json;

    OrderController(
            PlaceOrder placeOrder,
            GetOrder getOrder,
            ListCustomerOrders listCustomerOrders,
            CancelOrder cancelOrder,
            OrderJsonMapper json) {
        this.placeOrder = placeOrder;
        this.getOrder = getOrder;
        this.listCustomerOrders = listCustomerOrders;
        this.cancelOrder = cancelOrder;
        this.json = json;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "Place an order",
            description = "The order is stored unpaid and must be paid before its "
                    + "payment deadline, or it is cancelled. Amounts may be sent as JSON strings or numbers.")
    @ApiResponse(responseCode = "201", description = "The order, unpaid; the Location header names it")
    @ApiResponse(responseCode = "400", description = "The body is not shaped like an order request")
    @ApiResponse(responseCode = "413", description = "The body is larger than the service accepts")
    @ApiResponse(
            responseCode = "422",
            description = "A business rule refuses the order: an unknown currency, "
                    + "more decimals than the currency has, an absurd amount, a payment window out of bounds; or the "
                    + "Idempotency-Key was already used for a different request")
    ResponseEntity<OrderResponse> place(
            @CurrentCustomer CustomerId customer,
            @Parameter(
                            description = "Any unique string (a UUID) per order the client "
                                    + "means to place; a retry with the same key and body gets the same "
                                    + "order back instead of a second one")
                    @RequestHeader(name = IDEMPOTENCY_KEY, required = false)
                    @Size(min = 1, max = MAX_IDEMPOTENCY_KEY_LENGTH)
                    @Pattern(regexp = "[\\x21-\\x7E]*", message = "must be visible ASCII")
                    String idempotencyKey,
            @Valid @RequestBody PlaceOrderRequest request) {
        var placed = placeOrder.place(json.toCommand(customer, request), Optional.ofNullable(idempotencyKey));
        var order = placed.order();
        var answer = ResponseEntity.created(URI.create("/v1/orders/" + order.id()));
        if (placed.replayed()) {
            // The same answer as the first time, marked, so a client can tell a retry from a new order.
            answer.header(IDEMPOTENT_REPLAYED, "true");
        }
        return answer.body(json.toJson(order));
    }

    @GetMapping("/{id}")
    @Operation(
            summary = "Read one of the customer's orders",
            description = "An unpaid order past its deadline is shown cancelled: it is closed before it is read.")
    @ApiResponse(responseCode = "200", description = "The order")
    @ApiResponse(responseCode = "400", description = "The id is not a UUID")
    @ApiResponse(responseCode = "404", description = "The customer has no order with this id")
    OrderResponse get(@CurrentCustomer CustomerId customer, @PathVariable UUID id) {
        return json.toJson(getOrder.get(new OrderId(id), customer));
    }

    @GetMapping
    @Operation(summary = "List the customer's orders, newest first, a page at a time")
    @ApiResponse(responseCode = "200", description = "One page; nextCursor is null on the last one")
    @ApiResponse(responseCode = "400", description = "An unknown status, a limit out of range or a damaged cursor")
    OrderPageResponse list(
            @CurrentCustomer CustomerId customer,
            @Parameter(description = "Only orders in this status") @RequestParam Optional<OrderStatus> status,
            @Parameter(description = "Orders per page")
                    @RequestParam(defaultValue = "20")
                    @Min(1)
                    @Max(ListCustomerOrders.MAX_PAGE_SIZE)
                    int limit,
            @Parameter(description = "The nextCursor of the previous page") @RequestParam Optional<String> cursor) {
        return json.toJson(listCustomerOrders.list(json.toQuery(customer, status, limit, cursor)));
    }

    @PostMapping("/{id}/cancellation")
    @Operation(
            summary = "Cancel an unpaid order",
            description = "Cancelling a cancelled order changes nothing and " + "answers the order as it is.")
    @ApiResponse(responseCode = "200", description = "The order, cancelled")
    @ApiResponse(responseCode = "400", description = "The id is not a UUID")
    @ApiResponse(responseCode = "404", description = "The customer has no order with this id")
    @ApiResponse(
            responseCode = "409",
            description =
                    "The order is paid and can no longer be cancelled, or it " + "changed at the same moment (retry)")
    OrderResponse cancel(@CurrentCustomer CustomerId customer, @PathVariable UUID id) {
        var change = cancelOrder.cancel(new OrderId(id), customer);
        if (change.transition() instanceof Transition.Refused refused) {
            throw new OrderRefused(change.order(), refused);
        }
        return json.toJson(change.order());
    }
}
