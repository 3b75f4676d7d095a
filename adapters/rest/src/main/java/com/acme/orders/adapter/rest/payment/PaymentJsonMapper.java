package com.acme.orders.adapter.rest.payment;

import com.acme.orders.domain.DomainRuleViolation;
import com.acme.orders.domain.Money;
import com.acme.orders.domain.Order;
import com.acme.orders.domain.Payment;
import com.acme.orders.domain.PaymentReference;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Currency;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;

/**
 * Every translation between the JSON of the payment notifications and the types of the application, in both
 * directions. As for orders, value objects are built here, so the domain's rules run before the use case does, and a
 * rule the domain breaks is reported against the JSON field the provider sent ({@code amount}).
 */
@Component
public class PaymentJsonMapper {

    Payment toPayment(PaymentNotificationRequest request) {
        Currency currency = at("currency", () -> Money.currency(request.currency()));
        String capturedAt = request.capturedAt();
        return new Payment(
                at("paymentReference", () -> new PaymentReference(request.paymentReference())),
                at("amount", () -> Money.of(request.amount(), currency)),
                capturedAt == null ? null : instant(capturedAt));
    }

    /** Shaped like a date and time already (a 400 otherwise); here it must also be one, not February 30th. */
    private static Instant instant(String rfc3339) {
        try {
            return OffsetDateTime.parse(rfc3339, DateTimeFormatter.ISO_OFFSET_DATE_TIME)
                    .toInstant();
        } catch (DateTimeException notADate) {
            throw new DomainRuleViolation("capturedAt", "is not a date and time that exists");
        }
    }

    PaymentNotificationResponse toJson(Order order, PaymentNotificationResponse.Result result) {
        return new PaymentNotificationResponse(order.id().value(), order.status(), result);
    }

    private static <T> T at(String field, Supplier<T> valueObject) {
        try {
            return valueObject.get();
        } catch (DomainRuleViolation e) {
            throw new DomainRuleViolation(field, e.rule());
        }
    }
}
