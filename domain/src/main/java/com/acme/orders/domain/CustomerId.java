package com.acme.orders.domain;

import java.util.Objects;
import java.util.regex.Pattern;
import org.jmolecules.ddd.annotation.ValueObject;

/**
 * Who placed the order, as the identity provider names them. Visible ASCII only: an id with control or look-alike
 * characters could not be told apart from another customer's in a log or a support screen.
 */
@ValueObject
public record CustomerId(String value) {

    public static final int MAX_LENGTH = 128;
    private static final Pattern VISIBLE_ASCII = Pattern.compile("[\\x21-\\x7E]{1," + MAX_LENGTH + "}");

    public CustomerId {
        Objects.requireNonNull(value, "customer id");
        DomainRuleViolation.require(
                VISIBLE_ASCII.matcher(value).matches(),
                "customerId",
                "a customer id is 1 to " + MAX_LENGTH + " visible ASCII characters");
    }

    @Override
    public String toString() {
        return value;
    }
}
