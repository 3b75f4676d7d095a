package com.acme.orders.adapter.redis.deadline;

import com.acme.orders.domain.OrderId;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.IntStream;

/**
 * The index is spread over {@code count} shards so that no single key is hot and, on Redis Cluster, the shards land on
 * different nodes. A shard is a hash tag ({@code {orders-deadlines-3}}) and every key of the shard carries it, so the
 * scripts, which each work on one shard, always run on the one node that owns all its keys.
 *
 * <p>Within a shard, orders are spread over {@link #BUCKETS_PER_SHARD} small sorted sets, the buckets
 * ({@code {orders-deadlines-3}:1234}), chosen from the order id, and the shard's bucket index
 * ({@code {orders-deadlines-3}:buckets}) scores each bucket by its earliest deadline. Small sorted sets are why: Redis
 * keeps a sorted set of at most 128 entries ({@code zset-max-listpack-entries}, {@code zset-max-ziplist-entries}
 * before 7.0) as one compact listpack of about 28 bytes per entry, against about 100 bytes per entry once it becomes a
 * skiplist. The bucket is a function of the id alone, so {@code forget} and {@code acknowledge}, which know only the
 * id, find the entry without a lookup. The price is paid by claims: entries due together sit in different buckets, so
 * a claim reads and rewrites about one bucket per due entry, where one sorted set per shard needed one write.
 *
 * <p>How instances share the shards: they don't divide them. Every instance polls every shard, starting at a random
 * one each time, and the claim script makes that safe: a claimed entry is invisible to the others until its lease
 * ends. Without assignments there is nothing to rebalance when an instance starts or dies, and a dead instance leaves
 * no shard unwatched. Random starting points spread concurrent pollers over different shards, so they rarely queue
 * on the same key.
 */
final class DeadlineShards {

    /**
     * 2,048 buckets per shard, 32,768 over the default 16 shards: a million pending orders fill a bucket with about 30
     * (the fullest with about 55), so the buckets stay compact up to about three million pending orders; beyond that
     * the fullest buckets become skiplists one by one, and an entry in them costs what it did before buckets. An empty
     * bucket costs nothing; a bucket in use costs about 200 bytes besides its entries (key, listpack header, its entry in
     * the bucket index), which bounds that overhead at about 7 MB: 94 bytes per order at 100,000 pending orders. Like the shard count, fixed for a running system: another count moves orders to other keys.
     */
    static final int BUCKETS_PER_SHARD = 2_048;

    private final List<String> keys;

    DeadlineShards(String prefix, int count) {
        if (count < 1) {
            throw new IllegalArgumentException("the deadline index needs at least one shard, got " + count);
        }
        this.keys = IntStream.range(0, count)
                .mapToObj(i -> "{" + prefix + "-" + i + "}")
                .toList();
    }

    /**
     * The shard of an order, the same in every instance and every version of the service: {@link UUID#hashCode} is
     * specified by the JDK, and a random UUID's bits spread evenly.
     */
    String of(OrderId order) {
        return keys.get(Math.floorMod(order.value().hashCode(), keys.size()));
    }

    /**
     * The bucket of an order within its shard, from bits 40 to 50 of the id's lower half: random in a version 4 (and
     * a version 7) UUID, and independent of the shard's choice, which depends on the xor of both halves.
     */
    String bucketOf(OrderId order) {
        return of(order) + ":"
                + Math.floorMod((int) (order.value().getLeastSignificantBits() >>> 40), BUCKETS_PER_SHARD);
    }

    /** The shard's buckets, each scored by (at most) the earliest deadline it holds. */
    static String bucketIndexOf(String shard) {
        return shard + ":buckets";
    }

    /** Every shard once, starting at a random one. */
    List<String> inRandomRotation() {
        int start = ThreadLocalRandom.current().nextInt(keys.size());
        return IntStream.range(0, keys.size())
                .mapToObj(i -> keys.get((start + i) % keys.size()))
                .toList();
    }

    List<String> all() {
        return keys;
    }
}
