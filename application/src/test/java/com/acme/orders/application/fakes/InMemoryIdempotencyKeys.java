package com.acme.orders.application.fakes;

import com.acme.orders.application.ordering.port.IdempotencyKeys;
import com.acme.orders.domain.CustomerId;
import com.acme.orders.domain.OrderId;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Claimed keys in memory; {@code putIfAbsent} plays the unique constraint. */
public class InMemoryIdempotencyKeys implements IdempotencyKeys {

    private final Map<String, RememberedRequest> claimed = new ConcurrentHashMap<>();

    @Override
    public Optional<RememberedRequest> find(CustomerId customer, String key) {
        return Optional.ofNullable(claimed.get(id(customer, key)));
    }

    @Override
    public boolean claim(CustomerId customer, String key, String requestFingerprint, OrderId order) {
        return claimed.putIfAbsent(id(customer, key), new RememberedRequest(requestFingerprint, order)) == null;
    }

    public int size() {
        return claimed.size();
    }

    private static String id(CustomerId customer, String key) {
        return customer.value() + "\n" + key;
    }
}
