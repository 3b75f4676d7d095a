package com.acme.orders.domain;

import org.jmolecules.ddd.annotation.ValueObject;

@ValueObject
public record Quantity(int value) {

    /** Far above any real basket; low enough that quantity × unit price stays a sane number. */
    public static final int MAX = 1_000;

    public Quantity {
        DomainRuleViolation.require(value > 0, "quantity", "a quantity is at least 1");
        DomainRuleViolation.require(value <= MAX, "quantity", "a quantity is at most " + MAX);
    }
}
