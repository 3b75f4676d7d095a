package com.acme.orders.domain;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.jmolecules.ddd.annotation.ValueObject;
import org.jspecify.annotations.Nullable;

/**
 * What a payment provider reports: which of its payments, how much money in which currency it took, and, when the
 * provider says so, when it took it ({@code capturedAt}, the provider's clock): a payment captured before the deadline
 * counts as in time even when its notification arrives after it.
 */
@ValueObject
public record Payment(
        PaymentReference reference, Money amount, @Nullable Instant capturedAt) {

    public Payment {
        Objects.requireNonNull(reference, "payment reference");
        Objects.requireNonNull(amount, "payment amount");
    }

    /** A payment whose provider does not say when it was captured: it counts when its notification arrives. */
    public Payment(PaymentReference reference, Money amount) {
        this(reference, amount, null);
    }

    public Optional<Instant> captureTime() {
        return Optional.ofNullable(capturedAt);
    }

    /** Whether the provider says the money moved before {@code deadline}. */
    boolean capturedBefore(Instant deadline) {
        return capturedAt != null && capturedAt.isBefore(deadline);
    }
}
