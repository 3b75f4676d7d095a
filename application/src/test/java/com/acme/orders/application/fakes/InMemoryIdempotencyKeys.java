package com.acme.orders.application.fakes;

import com.acme.orders.application.ordering.port.IdempotencyKeys;
import com.acme.orders.domain.CustomerId;
import com.acme.orders.domain.OrderId;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Claimed keys in memory; {@code putIfAbsent} plays the unique constraint. */
public class InMemoryIdempotencyKeys implements IdempotencyKeys {

    private record Claim(RememberedRequest request, Instant at) {}

    private final Map<String, Claim> claimed = new ConcurrentHashMap<>();

    @Override
    public Optional<RememberedRequest> find(CustomerId customer, String key) {
        return Optional.ofNullable(claimed.get(id(customer, key))).map(Claim::request);
    }

    @Override
    public boolean claim(CustomerId customer, String key, String requestFingerprint, OrderId order, Instant claimedAt) {
        return claimed.putIfAbsent(
                        id(customer, key), new Claim(new RememberedRequest(requestFingerprint, order), claimedAt))
                == null;
    }

    @Override
    public synchronized int forgetClaimedBefore(Instant cutoff, int atMost) {
        var old = claimed.entrySet().stream()
                .filter(it -> it.getValue().at().isBefore(cutoff))
                .limit(atMost)
                .map(Map.Entry::getKey)
                .toList();
        old.forEach(claimed::remove);
        return old.size();
    }

    public int size() {
        return claimed.size();
    }

    private static String id(CustomerId customer, String key) {
        return customer.value() + "\n" + key;
    }
}
