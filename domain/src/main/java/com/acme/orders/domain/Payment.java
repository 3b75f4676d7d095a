package com.acme.orders.domain;

import java.util.Objects;
import org.jmolecules.ddd.annotation.ValueObject;

/** What a payment provider reports: which of its payments, and how much money in which currency it took. */
@ValueObject
public record Payment(PaymentReference reference, Money amount) {

    public Payment {
        Objects.requireNonNull(reference, "payment reference");
        Objects.requireNonNull(amount, "payment amount");
    }
}
