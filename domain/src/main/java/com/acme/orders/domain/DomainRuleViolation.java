package com.acme.orders.domain;

/**
 * Input that can never become part of a valid order: an unknown currency, a zero quantity, an absurd amount.
 * Thrown while building value objects, before anything is stored, so a caller can answer "your request is wrong"
 * without having written a thing.
 */
public class DomainRuleViolation extends RuntimeException {

    private final String subject;
    private final String rule;

    public DomainRuleViolation(String subject, String rule) {
        super(rule);
        this.subject = subject;
        this.rule = rule;
    }

    /** What was wrong, in words a client can show, e.g. {@code must be a known ISO 4217 code}. */
    public String rule() {
        return rule;
    }

    /** What the rule is about, e.g. {@code currency} or {@code items[2].quantity}; lets a client point at its field. */
    public String subject() {
        return subject;
    }

    static void require(boolean condition, String subject, String message) {
        if (!condition) {
            throw new DomainRuleViolation(subject, message);
        }
    }
}
