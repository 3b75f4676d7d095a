package com.acme.orders.adapter.rest.payment;

import com.acme.orders.adapter.rest.openapi.OpenApiDocumentation;
import com.acme.orders.adapter.rest.payment.PaymentNotificationResponse.Result;
import com.acme.orders.adapter.rest.problem.OrderRefused;
import com.acme.orders.application.change.OrderChange;
import com.acme.orders.application.payment.ConfirmPayment;
import com.acme.orders.domain.OrderId;
import com.acme.orders.domain.OrderStatus;
import com.acme.orders.domain.Transition;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.jmolecules.architecture.hexagonal.PrimaryAdapter;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Where payment providers report money taken. Kept apart from the customer API, under its own path prefix and with
 * no customer identity, so that a guard for providers (a signature check on the raw body) can be put in front of
 * {@code /v1/payment-notifications/**} alone without touching this class: this controller is the only way in.
 */
@RestController
@PrimaryAdapter
@RequestMapping(path = "/v1/payment-notifications", produces = MediaType.APPLICATION_JSON_VALUE)
@SecurityRequirement(name = OpenApiDocumentation.PAYMENT_PROVIDER)
@ApiResponse(responseCode = "401", description = "The notification is unsigned, forged or stale")
@ApiResponse(responseCode = "503", description = OpenApiDocumentation.SERVICE_BUSY)
@Tag(name = "Payment notifications", description = "For payment providers: a payment was taken for an order")
public class PaymentNotificationController {

    private final ConfirmPayment confirmPayment;
    private final PaymentJsonMapper json;
    private final PaymentOutcomeMetrics metrics;

    PaymentNotificationController(
            ConfirmPayment confirmPayment, PaymentJsonMapper json, PaymentOutcomeMetrics metrics) {
        this.confirmPayment = confirmPayment;
        this.json = json;
        this.metrics = metrics;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "Report a payment for an order",
            description = "Safe to repeat: the same payment reported "
                    + "again gets the same answer (ALREADY_PAID for a paid order) and changes nothing. A payment for a "
                    + "cancelled order (also one whose deadline passed) leaves it cancelled and requests a refund; so does "
                    + "a second, different payment for a paid order, which stays paid by the first. With step IN_PROGRESS, "
                    + "a payment started before the deadline holds the order past it until the payment's outcome (at most "
                    + "orders.payments.in-progress-hold); FAILED ends the hold, and an order past its deadline is then "
                    + "cancelled. SUCCEEDED is the default.")
    @ApiResponse(
            responseCode = "200",
            description = "The order is paid, by this payment or by its earlier report "
                    + "(PAID, ALREADY_PAID), or it cannot keep this payment, cancelled or paid by another one, and the "
                    + "payment will be refunded (REFUND_REQUESTED); a payment in progress is awaited (PAYMENT_IN_PROGRESS) or "
                    + "no longer awaited (PAYMENT_FAILED)")
    @ApiResponse(responseCode = "400", description = "The body is not shaped like a payment notification")
    @ApiResponse(responseCode = "404", description = "No order has this id")
    @ApiResponse(responseCode = "409", description = "The order changed at the same moment (retry)")
    @ApiResponse(responseCode = "413", description = "The body is larger than the service accepts")
    @ApiResponse(
            responseCode = "422",
            description = "The payment does not match what the order costs (it is "
                    + "recorded, the order stays unpaid), was already reported for another order, or the amount or currency "
                    + "is not valid")
    PaymentNotificationResponse report(@Valid @RequestBody PaymentNotificationRequest notification) {
        var payment = json.toPayment(notification);
        var order = new OrderId(notification.orderId());
        return switch (notification.stepOrDefault()) {
            case SUCCEEDED -> {
                var change = confirmPayment.confirm(order, payment);
                metrics.succeeded(change);
                yield succeeded(change);
            }
            case IN_PROGRESS -> {
                var change = confirmPayment.started(order, payment.reference(), payment.amount());
                metrics.started(change);
                yield pending(change, Result.PAYMENT_IN_PROGRESS);
            }
            case FAILED -> {
                var change = confirmPayment.failed(order, payment.reference());
                metrics.failed(change);
                yield pending(change, Result.PAYMENT_FAILED);
            }
        };
    }

    private PaymentNotificationResponse succeeded(OrderChange change) {
        return switch (change.transition()) {
            case Transition.Changed paid -> json.toJson(change.order(), Result.PAID);
            case Transition.AlreadyDone done -> json.toJson(change.order(), Result.ALREADY_PAID);
            // The money was taken for a cancelled order, or a second time for a paid one, and is now owed back
            // (RefundRequested): for the provider that is a settled notification, and an error would only make it
            // retry.
            case Transition.Refused refused
            when refused.refusal() == Transition.Refusal.ORDER_CANCELLED
                    || refused.refusal() == Transition.Refusal.ORDER_PAID ->
                json.toJson(change.order(), Result.REFUND_REQUESTED);
            // Answered as the orders API answers a refusal: the same problem types, with the order's state.
            case Transition.Refused refused -> throw new OrderRefused(change.order(), refused);
            case Transition.Noted noted ->
                throw new IllegalStateException("a payment that succeeded is never only noted");
        };
    }

    /**
     * A payment started or failed: no money moved, so nothing is owed back. Taken note of, or nothing to do (the same
     * report again, a failure of a payment the order was not waiting for), it is answered with the step; a payment that
     * already succeeded answers as paid; a refusal (an order that is closed, or paid by another payment) is a problem,
     * so that the provider cancels the payment.
     */
    private PaymentNotificationResponse pending(OrderChange change, Result result) {
        return switch (change.transition()) {
            case Transition.Noted noted -> json.toJson(change.order(), result);
            case Transition.Changed closed -> json.toJson(change.order(), result);
            case Transition.AlreadyDone done ->
                json.toJson(change.order(), change.order().status() == OrderStatus.PAID ? Result.ALREADY_PAID : result);
            case Transition.Refused refused -> throw new OrderRefused(change.order(), refused);
        };
    }
}
