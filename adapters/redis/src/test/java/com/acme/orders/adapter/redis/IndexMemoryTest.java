package com.acme.orders.adapter.redis;

import static org.assertj.core.api.Assertions.assertThat;

import com.acme.orders.application.port.PendingDeadline;
import com.acme.orders.domain.OrderId;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.data.redis.connection.RedisConnection;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;

/**
 * What one pending order costs in Redis, measured rather than guessed: {@code MEMORY USAGE} of every shard (exact,
 * SAMPLES 0) divided by the entries, printed next to the same count of 36-character text ids for comparison.
 */
class IndexMemoryTest {

    private static final int ENTRIES = 100_000;
    private static final int SHARDS = 16;

    @Test
    void one_pending_order_costs_about_a_hundred_bytes_of_redis_memory() {
        var connections = TestRedis.connectionFactory();
        try {
            var redis = new StringRedisTemplate(connections);
            redis.execute((RedisConnection it) -> {
                it.serverCommands().flushAll();
                return null;
            });
            var index = new RedisDeadlineIndex(connections, SHARDS, new SimpleMeterRegistry());
            var now = Instant.parse("2026-11-23T10:00:00Z");
            index.trackAll(IntStream.range(0, ENTRIES)
                    .mapToObj(i -> new PendingDeadline(OrderId.newId(), now.plusMillis(i * 17L))).toList());
            long raw = totalMemoryUsage(redis, "{orders-deadlines-*}");

            for (int i = 0; i < ENTRIES; i++) {
                redis.opsForZSet().add("text-ids-{" + (i % SHARDS) + "}", OrderId.newId().toString(), i * 17L);
            }
            long text = totalMemoryUsage(redis, "text-ids-*");

            double perEntry = (double) raw / ENTRIES;
            System.out.printf("Deadline index memory: %.1f bytes per entry with 16-byte members, "
                    + "%.1f bytes with 36-character text ids (%d entries over %d shards, Redis MEMORY USAGE)%n",
                    perEntry, (double) text / ENTRIES, ENTRIES, SHARDS);
            assertThat(perEntry).isLessThan(150);
            assertThat(raw).isLessThan(text);
        } finally {
            connections.destroy();
        }
    }

    private static long totalMemoryUsage(StringRedisTemplate redis, String pattern) {
        // Through a script because Lettuce's generic command call expects a bulk reply, and MEMORY USAGE is an integer.
        var memoryUsage = RedisScript.of("return redis.call('MEMORY', 'USAGE', KEYS[1], 'SAMPLES', '0')", Long.class);
        return redis.keys(pattern).stream().mapToLong(key -> redis.execute(memoryUsage, List.of(key))).sum();
    }
}
