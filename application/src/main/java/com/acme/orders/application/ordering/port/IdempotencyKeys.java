package com.acme.orders.application.ordering.port;

import com.acme.orders.domain.CustomerId;
import com.acme.orders.domain.OrderId;
import java.time.Instant;
import java.util.Optional;
import org.jmolecules.architecture.hexagonal.SecondaryPort;

/**
 * The order requests a customer sent with an {@code Idempotency-Key}, by customer and key: a client that retries a
 * request it saw no answer to gets the order the first attempt created instead of a second one. Kept for a retention
 * period ({@code ForgetIdempotencyKeys}).
 */
@SecondaryPort
public interface IdempotencyKeys {

    Optional<RememberedRequest> find(CustomerId customer, String key);

    /**
     * Claims the key for {@code order}, in the transaction that adds the order. Two concurrent claims of one key can
     * never both succeed: the second waits for the first to commit and then returns false, and reading the key again
     * finds the first one's order.
     *
     * @return false when the key was already claimed
     */
    boolean claim(CustomerId customer, String key, String requestFingerprint, OrderId order, Instant claimedAt);

    /**
     * Forgets up to {@code atMost} keys claimed before {@code cutoff}, in the caller's transaction.
     *
     * @return how many were forgotten
     */
    int forgetClaimedBefore(Instant cutoff, int atMost);

    /** What the first request with a key asked for (a fingerprint of its command) and which order it created. */
    record RememberedRequest(String requestFingerprint, OrderId order) {}
}
