package com.acme.orders.benchmarks.approaches;

import com.acme.orders.domain.OrderId;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The seed approaches' timer: one Redis key per unpaid order that expires at its payment deadline. The scan reads
 * its absence ({@code order:timeout:<id>}), the keyspace subscriber its expiry event ({@code order:ttl:<id>}); two
 * prefixes, so that a run of one approach never feeds the other.
 */
enum ExpiringKeys {
    SCAN("order:timeout:"),
    KEYSPACE("order:ttl:");

    private final String prefix;

    ExpiringKeys(String prefix) {
        this.prefix = prefix;
    }

    String of(OrderId order) {
        return prefix + order.value();
    }

    /** The order of a key of this kind, or null for any other key (keyspace events report every expired key). */
    @Nullable
    OrderId orderOf(String key) {
        if (!key.startsWith(prefix)) {
            return null;
        }
        try {
            return new OrderId(UUID.fromString(key.substring(prefix.length())));
        } catch (IllegalArgumentException notAnOrderId) {
            return null;
        }
    }

    /**
     * Milliseconds from {@code now} to {@code deadline}, rounded up so that a key never expires before its deadline;
     * at least 1, Redis's shortest time to live, for an order already overdue.
     */
    static long millisUntil(Instant deadline, Instant now) {
        long nanos = Duration.between(now, deadline).toNanos();
        return Math.max(1, (nanos + 999_999) / 1_000_000);
    }
}
