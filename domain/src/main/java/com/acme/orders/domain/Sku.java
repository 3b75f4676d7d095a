package com.acme.orders.domain;

import java.util.Objects;
import java.util.regex.Pattern;
import org.jmolecules.ddd.annotation.ValueObject;

/** Stock keeping unit: what inventory reserves and, on cancellation, releases. */
@ValueObject
public record Sku(String value) {

    public static final int MAX_LENGTH = 64;
    private static final Pattern FORMAT = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0," + (MAX_LENGTH - 1) + "}");

    public Sku {
        Objects.requireNonNull(value, "sku");
        DomainRuleViolation.require(
                FORMAT.matcher(value).matches(),
                "sku",
                "a sku is 1 to " + MAX_LENGTH + " letters, digits, '.', '_' or '-', starting with a letter or digit");
    }

    @Override
    public String toString() {
        return value;
    }
}
