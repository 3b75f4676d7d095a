package com.acme.orders.domain;

import java.time.Instant;
import java.util.Objects;
import org.jmolecules.ddd.annotation.ValueObject;

/**
 * A payment the provider reported as started and not yet finished (a card payment waiting for 3-D Secure, a bank
 * redirect, a wallet): part of an unpaid order. While it is in progress the order is not cancelled at its deadline
 * but waits for the outcome until {@code heldUntil}.
 *
 * @param reference the provider's id of the payment; its success settles the order during the hold
 * @param since     when the provider reported it started
 * @param heldUntil the latest the order waits for its outcome: its deadline plus the hold
 */
@ValueObject
public record PaymentInProgress(PaymentReference reference, Instant since, Instant heldUntil) {

    public PaymentInProgress {
        Objects.requireNonNull(reference, "payment reference");
        Objects.requireNonNull(since, "since");
        Objects.requireNonNull(heldUntil, "held until");
    }
}
