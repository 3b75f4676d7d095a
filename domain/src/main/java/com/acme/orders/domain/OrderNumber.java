package com.acme.orders.domain;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Objects;
import java.util.regex.Pattern;
import org.jmolecules.ddd.annotation.ValueObject;

/**
 * The number a customer reads out on the phone: the day the order was placed and a sequence, {@code 20261123-00001234}.
 * The sequence comes from a source that never hands out a value twice (seed 001 keeps it in Redis memory; a lost
 * Redis would reuse numbers, so ours comes from the database), which makes the number unique without the date part;
 * the date is there for people.
 */
@ValueObject
public record OrderNumber(String value) {

    private static final Pattern FORMAT = Pattern.compile("\\d{8}-\\d{8,19}");
    private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;

    public OrderNumber {
        Objects.requireNonNull(value, "order number");
        DomainRuleViolation.require(
                FORMAT.matcher(value).matches(),
                "orderNumber",
                "an order number is yyyyMMdd-sequence, got '" + value + "'");
    }

    public static OrderNumber of(LocalDate day, long sequence) {
        DomainRuleViolation.require(sequence > 0, "orderNumber", "an order number sequence is positive");
        return new OrderNumber(DAY.format(day) + "-" + String.format("%08d", sequence));
    }

    @Override
    public String toString() {
        return value;
    }
}
