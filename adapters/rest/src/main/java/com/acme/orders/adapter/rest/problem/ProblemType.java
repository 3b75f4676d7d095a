package com.acme.orders.adapter.rest.problem;

import java.net.URI;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/**
 * Every kind of problem this API answers with. The {@code type} URI is what a client branches on; title and status go
 * with it and never vary. Errors that Spring MVC detects before our code runs (405, 406, 415, an unknown path) keep
 * Spring's {@code about:blank} problems: their status says all there is to say.
 *
 * <p>400 or 422: a 400 says the request is not shaped like one this API takes (broken JSON, a wrong type, a missing
 * or unknown field, a constraint of the request body). A 422 says it is well formed but the business refuses it: the
 * currency does not exist, a price has more decimals than its currency, an amount is absurd, a payment does not match
 * what the order costs. The domain decides the 422s, so a rule lives in one place whatever adapter receives it.
 *
 * <p>500 or 503: a 500 is a failure we did not foresee, a bug until proven otherwise. A 503 {@code service-busy} (with
 * {@code Retry-After}) says the request may well be fine but the service is overloaded right now; the same request a
 * little later will be answered.
 *
 * <p>Only the types are named here. Which failure is answered with which type is decided where the failure is known:
 * {@link ProblemResponses} for Spring MVC's errors and the application's, each feature's own advice or filter for its
 * own. So this package knows no feature, and every feature can use it.
 */
public enum ProblemType {
    INVALID_REQUEST(HttpStatus.BAD_REQUEST, "invalid-request", "The request is not valid"),
    UNIDENTIFIED_CUSTOMER(HttpStatus.UNAUTHORIZED, "unidentified-customer", "The customer is not identified"),
    UNSIGNED_NOTIFICATION(
            HttpStatus.UNAUTHORIZED,
            "unsigned-notification",
            "The notification is not signed by a known payment provider"),
    ACCESS_DENIED(HttpStatus.FORBIDDEN, "access-denied", "The caller may not do this"),
    ORDER_NOT_FOUND(HttpStatus.NOT_FOUND, "order-not-found", "No such order"),
    ORDER_PAID(HttpStatus.CONFLICT, "order-paid", "The order is paid"),
    ORDER_CANCELLED(HttpStatus.CONFLICT, "order-cancelled", "The order is cancelled"),
    DEADLINE_NOT_REACHED(HttpStatus.CONFLICT, "deadline-not-reached", "The payment deadline has not passed"),
    DEADLINE_PASSED(
            HttpStatus.CONFLICT,
            "deadline-passed",
            "The payment deadline has passed; the order only waits for the payment in progress"),
    CONCURRENT_CHANGE(HttpStatus.CONFLICT, "concurrent-change", "The order changed at the same time; retry"),
    BODY_TOO_LARGE(HttpStatus.CONTENT_TOO_LARGE, "body-too-large", "The request body is too large"),
    UNSUPPORTED_BODY(
            HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-body", "The request body is not in a form this API reads"),
    RULE_VIOLATED(HttpStatus.UNPROCESSABLE_CONTENT, "rule-violated", "The request breaks a business rule"),
    IDEMPOTENCY_KEY_REUSED(
            HttpStatus.UNPROCESSABLE_CONTENT,
            "idempotency-key-reused",
            "The idempotency key was used for another request"),
    PAYMENT_MISMATCH(HttpStatus.UNPROCESSABLE_CONTENT, "payment-mismatch", "The payment does not match the order"),
    INTERNAL_ERROR(HttpStatus.INTERNAL_SERVER_ERROR, "internal-error", "The service failed to answer"),
    SERVICE_BUSY(HttpStatus.SERVICE_UNAVAILABLE, "service-busy", "The service is busy; retry later");

    private static final String BASE = "https://problems.acme.com/orders/";

    private final HttpStatus status;
    private final URI type;
    private final String title;

    ProblemType(HttpStatus status, String slug, String title) {
        this.status = status;
        this.type = URI.create(BASE + slug);
        this.title = title;
    }

    HttpStatus status() {
        return status;
    }

    public ProblemDetail problem(@Nullable String detail) {
        var problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(type);
        problem.setTitle(title);
        return problem;
    }
}
