package com.acme.orders.adapter.redis;

import com.acme.orders.domain.OrderId;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.IntStream;

/**
 * The index is spread over {@code count} sorted sets so that no single key is hot and, on Redis Cluster, the shards
 * land on different nodes. Each key is wholly a hash tag ({@code {orders-deadlines-3}}), so the claim script, which
 * touches exactly one key, always runs on the one node that owns it.
 *
 * <p>How instances share the shards: they don't divide them. Every instance polls every shard, starting at a random
 * one each time, and the claim script makes that safe: a claimed entry is invisible to the others until its lease
 * ends. Without assignments there is nothing to rebalance when an instance starts or dies, and a dead instance leaves
 * no shard unwatched. Random starting points spread concurrent pollers over different shards, so they rarely queue
 * on the same key.
 */
final class DeadlineShards {

    private final List<String> keys;

    DeadlineShards(String prefix, int count) {
        if (count < 1) {
            throw new IllegalArgumentException("the deadline index needs at least one shard, got " + count);
        }
        this.keys = IntStream.range(0, count).mapToObj(i -> "{" + prefix + "-" + i + "}").toList();
    }

    /**
     * The shard of an order, the same in every instance and every version of the service: {@link java.util.UUID#hashCode}
     * is specified by the JDK, and a random UUID's bits spread evenly.
     */
    String of(OrderId order) {
        return keys.get(Math.floorMod(order.value().hashCode(), keys.size()));
    }

    /** Every shard once, starting at a random one. */
    List<String> inRandomRotation() {
        int start = ThreadLocalRandom.current().nextInt(keys.size());
        return IntStream.range(0, keys.size()).mapToObj(i -> keys.get((start + i) % keys.size())).toList();
    }

    List<String> all() {
        return keys;
    }
}
