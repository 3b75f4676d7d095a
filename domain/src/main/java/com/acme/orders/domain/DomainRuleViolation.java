package com.acme.orders.domain;

/**
 * Input that can never become part of a valid order: an unknown currency, a zero quantity, an absurd amount.
 * Thrown while building value objects, before anything is stored, so a caller can answer "your request is wrong"
 * without having written a thing.
 */
public class DomainRuleViolation extends RuntimeException {

    private final String subject;

    public DomainRuleViolation(String subject, String message) {
        super(message);
        this.subject = subject;
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
