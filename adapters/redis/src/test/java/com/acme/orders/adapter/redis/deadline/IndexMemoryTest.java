package com.acme.orders.adapter.redis.deadline;

import static org.assertj.core.api.Assertions.assertThat;

import com.acme.orders.adapter.redis.TestRedis;
import com.acme.orders.application.deadline.port.PendingDeadline;
import com.acme.orders.domain.OrderId;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.data.redis.connection.RedisConnection;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.ZSetOperations.TypedTuple;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.data.redis.serializer.StringRedisSerializer;

/**
 * What one pending order costs in Redis, measured rather than guessed: {@code MEMORY USAGE} of every key of the index
 * (exact, SAMPLES 0) divided by the entries, printed next to the same entries in one plain sorted set, the layout
 * before buckets. One shard with 62,500 entries fills its buckets as a million orders fill those of 16 shards, so this
 * is the cost per order at a million pending, in a few seconds. {@code benchmarks/run} measures the whole of
 * {@code used_memory} at a million.
 */
class IndexMemoryTest {

    private static final int ENTRIES = 1_000_000 / 16;

    @Test
    void one_pending_order_costs_well_under_a_hundred_bytes_of_redis_memory_at_a_million_pending() {
        var connections = TestRedis.connectionFactory();
        try {
            var redis = new StringRedisTemplate(connections);
            redis.execute((RedisConnection it) -> {
                it.serverCommands().flushAll();
                return null;
            });
            var index = new RedisDeadlineIndex(connections, 1, new SimpleMeterRegistry());
            var now = Instant.parse("2026-11-23T10:00:00Z");
            var entries = IntStream.range(0, ENTRIES)
                    .mapToObj(i -> new PendingDeadline(OrderId.newId(), now.plusMillis(i * 17L)))
                    .toList();
            index.trackAll(entries);
            long bucketed = totalMemoryUsage(redis, "{orders-deadlines-0}*");

            var plain = new StringRedisTemplate(connections);
            plain.setValueSerializer(new StringRedisSerializer(OrderIdMember.CHARSET));
            for (int from = 0; from < ENTRIES; from += 1_000) {
                plain.opsForZSet()
                        .add(
                                "plain-{0}",
                                entries.subList(from, Math.min(from + 1_000, ENTRIES)).stream()
                                        .map(it -> TypedTuple.of(OrderIdMember.of(it.order()), (double)
                                                it.deadline().toEpochMilli()))
                                        .collect(Collectors.toSet()));
            }
            long oneSortedSet = totalMemoryUsage(redis, "plain-*");

            double perEntry = (double) bucketed / ENTRIES;
            System.out.printf(
                    "Deadline index memory: %.1f bytes per entry in buckets, %.1f bytes in one sorted set "
                            + "(%d entries over %d buckets, Redis MEMORY USAGE)%n",
                    perEntry, (double) oneSortedSet / ENTRIES, ENTRIES, DeadlineShards.BUCKETS_PER_SHARD);
            assertThat(perEntry).isLessThan(50);
            assertThat(bucketed).isLessThan(oneSortedSet / 2);
        } finally {
            connections.destroy();
        }
    }

    /** Each pending order is in both indexes: its deadline and, for windows longer than the lead, its reminder. */
    @Test
    void with_reminders_on_a_pending_order_costs_both_indexes_and_stays_under_a_hundred_bytes() {
        var connections = TestRedis.connectionFactory();
        try {
            var redis = new StringRedisTemplate(connections);
            redis.execute((RedisConnection it) -> {
                it.serverCommands().flushAll();
                return null;
            });
            var deadlines = new RedisDeadlineIndex(connections, 1, new SimpleMeterRegistry());
            var reminders = new RedisDeadlineIndex(
                    connections, RedisDeadlineIndex.REMINDERS_KEY_PREFIX, 1, new SimpleMeterRegistry());
            var now = Instant.parse("2026-11-23T10:00:00Z");
            var entries = IntStream.range(0, ENTRIES)
                    .mapToObj(i -> new PendingDeadline(OrderId.newId(), now.plusMillis(i * 17L)))
                    .toList();
            deadlines.trackAll(entries);
            reminders.trackAll(entries.stream()
                    .map(it -> new PendingDeadline(it.order(), it.deadline().minusSeconds(300)))
                    .toList());

            double perOrder = (double) (totalMemoryUsage(redis, "{orders-deadlines-0}*")
                            + totalMemoryUsage(redis, "{orders-reminders-0}*"))
                    / ENTRIES;
            System.out.printf("Deadline and reminder indexes: %.1f bytes per pending order%n", perOrder);
            assertThat(perOrder).isLessThan(100);
        } finally {
            connections.destroy();
        }
    }

    private static long totalMemoryUsage(StringRedisTemplate redis, String pattern) {
        // Through a script because Lettuce's generic command call expects a bulk reply, and MEMORY USAGE is an integer.
        var memoryUsage = RedisScript.of("return redis.call('MEMORY', 'USAGE', KEYS[1], 'SAMPLES', '0')", Long.class);
        return redis.keys(pattern).stream()
                .mapToLong(key -> redis.execute(memoryUsage, List.of(key)))
                .sum();
    }
}
