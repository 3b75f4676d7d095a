package com.acme.orders.domain;

import java.util.Objects;
import java.util.regex.Pattern;
import org.jmolecules.ddd.annotation.ValueObject;

/** The payment provider's id for the payment that settled an order; a repeated notification carries the same one. */
@ValueObject
public record PaymentReference(String value) {

    public static final int MAX_LENGTH = 128;
    private static final Pattern VISIBLE_ASCII = Pattern.compile("[\\x21-\\x7E]{1," + MAX_LENGTH + "}");

    public PaymentReference {
        Objects.requireNonNull(value, "payment reference");
        DomainRuleViolation.require(
                VISIBLE_ASCII.matcher(value).matches(),
                "paymentReference",
                "a payment reference is 1 to " + MAX_LENGTH + " visible ASCII characters");
    }

    @Override
    public String toString() {
        return value;
    }
}
