package com.acme.orders.domain;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import org.jmolecules.ddd.annotation.ValueObject;

/**
 * How long a customer has to pay: a default, and the bounds within which an order may ask for its own window.
 * The upper bound keeps a client from parking stock for weeks; the lower bound keeps a deadline from passing
 * before the customer can possibly reach the payment page.
 */
@ValueObject
public record PaymentWindow(Duration standard, Duration shortest, Duration longest) {

    public static final PaymentWindow THIRTY_MINUTES =
            new PaymentWindow(Duration.ofMinutes(30), Duration.ofMinutes(1), Duration.ofHours(24));

    public PaymentWindow {
        Objects.requireNonNull(standard, "standard payment window");
        Objects.requireNonNull(shortest, "shortest payment window");
        Objects.requireNonNull(longest, "longest payment window");
        if (shortest.isNegative()
                || shortest.isZero()
                || shortest.compareTo(standard) > 0
                || standard.compareTo(longest) > 0) {
            throw new IllegalArgumentException("payment windows must satisfy 0 < shortest <= standard <= longest, got "
                    + shortest + ", " + standard + ", " + longest);
        }
    }

    /** The window for one order: the one it asked for when that lies within the bounds, else the standard one. */
    public Duration forOrder(Optional<Duration> requested) {
        requested.ifPresent(window -> DomainRuleViolation.require(
                window.compareTo(shortest) >= 0 && window.compareTo(longest) <= 0,
                "paymentWindow",
                "a payment window lies between " + shortest + " and " + longest));
        return requested.orElse(standard);
    }
}
