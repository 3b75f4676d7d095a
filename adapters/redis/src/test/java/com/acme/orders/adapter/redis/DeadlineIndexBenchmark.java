package com.acme.orders.adapter.redis;

import com.acme.orders.application.port.PendingDeadline;
import com.acme.orders.domain.OrderId;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.data.redis.connection.RedisConnection;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * Not a test: what the deadline index costs, run on demand only (skipped unless {@code -Dbenchmark=true}):
 * {@code ./mvnw -B -pl adapters/redis -am verify -Dtest=DeadlineIndexBenchmark -Dbenchmark=true
 * -Dsurefire.failIfNoSpecifiedTests=false}, against the embedded Redis 6.2, or against another server with
 * {@code -Dbenchmark.redis-port=6379}. It empties that Redis first.
 *
 * <ul>
 * <li>Memory: {@code pending} orders (default 1,000,000) due in one to two hours, tracked through
 * {@link RedisDeadlineIndex#trackAll} into an empty Redis; prints the growth of {@code used_memory} per order, the
 * whole cost an operator pays, keys and Redis's own tables included.</li>
 * <li>Claims: {@code due} more orders (default 200,000) due over the last minutes, claimed by one worker in batches
 * of 500 until none is left, then acknowledged; after a warm-up, three rounds, each printing batches and orders claimed
 * per second and batches acknowledged per second.</li>
 * <li>Tracking: {@code tracks} (default 20,000) single {@link RedisDeadlineIndex#track} calls, the customer's path.</li>
 * </ul>
 */
@EnabledIfSystemProperty(named = "benchmark", matches = "true")
class DeadlineIndexBenchmark {

    private static final int PENDING = Integer.getInteger("benchmark.pending", 1_000_000);
    private static final int DUE = Integer.getInteger("benchmark.due", 200_000);
    private static final int TRACKS = Integer.getInteger("benchmark.tracks", 20_000);
    private static final int ROUNDS = 3;
    private static final int BATCH = 500;
    private static final int SHARDS = 16;
    private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");

    @Test
    void measure() {
        Integer port = Integer.getInteger("benchmark.redis-port");
        LettuceConnectionFactory connections = port == null ? TestRedis.connectionFactory()
                : TestRedis.connectionFactory(port);
        try {
            var redis = new StringRedisTemplate(connections);
            var server = redis.execute((RedisConnection it) -> it.serverCommands().info("server"));
            redis.execute((RedisConnection it) -> {
                it.serverCommands().flushAll();
                return null;
            });
            var index = new RedisDeadlineIndex(connections, SHARDS, new SimpleMeterRegistry());

            long before = usedMemory(redis);
            long started = System.nanoTime();
            for (int from = 0; from < PENDING; from += 100_000) {
                index.trackAll(IntStream.range(from, Math.min(from + 100_000, PENDING))
                        .mapToObj(i -> new PendingDeadline(OrderId.newId(),
                                NOW.plus(Duration.ofHours(1)).plusMillis(i * 3_600_000L / PENDING)))
                        .toList());
            }
            double trackAllSeconds = (System.nanoTime() - started) / 1e9;
            long after = usedMemory(redis);

            claimAndAcknowledge(index, redis, DUE / 4);
            var claims = new ArrayList<String>();
            for (int round = 0; round < ROUNDS; round++) {
                claims.add(claimAndAcknowledge(index, redis, DUE));
            }

            for (int i = 0; i < TRACKS / 10; i++) {
                index.track(OrderId.newId(), NOW.plus(Duration.ofHours(4)));
            }
            long cpu = serverCpu(redis);
            started = System.nanoTime();
            for (int i = 0; i < TRACKS; i++) {
                index.track(OrderId.newId(), NOW.plus(Duration.ofHours(3)).plusMillis(i));
            }
            double trackSeconds = (System.nanoTime() - started) / 1e9;
            long trackServerMicros = serverCpu(redis) - cpu;

            System.out.printf("%nDEADLINE INDEX BENCHMARK on Redis %s%n", server.getProperty("redis_version"));
            System.out.printf("Memory: %.1f bytes per pending order (used_memory %d -> %d over %d orders; "
                    + "trackAll %.1f s)%n", (double) (after - before) / PENDING, before, after, PENDING,
                    trackAllSeconds);
            claims.forEach(System.out::println);
            System.out.printf("Track: %d single tracks in %.2f s: %.0f/s (Redis CPU %.1f us per track)%n", TRACKS,
                    trackSeconds, TRACKS / trackSeconds, (double) trackServerMicros / TRACKS);
        } finally {
            connections.destroy();
        }
    }

    /**
     * Tracks {@code due} orders due over the last five minutes, then claims them in batches as one worker would, until
     * none is left, then acknowledges every batch; times the claims and the acknowledgements apart.
     */
    private static String claimAndAcknowledge(RedisDeadlineIndex index, StringRedisTemplate redis, int due) {
        index.trackAll(IntStream.range(0, due)
                .mapToObj(i -> new PendingDeadline(OrderId.newId(), NOW.minusMillis(i * 300_000L / due)))
                .toList());
        var batches = new ArrayList<List<OrderId>>();
        long cpu = serverCpu(redis);
        long started = System.nanoTime();
        List<OrderId> batch = index.claimDue(NOW, BATCH, Duration.ofMinutes(5));
        while (!batch.isEmpty()) {
            batches.add(batch);
            batch = index.claimDue(NOW, BATCH, Duration.ofMinutes(5));
        }
        double claimSeconds = (System.nanoTime() - started) / 1e9;
        long claimServerMicros = serverCpu(redis) - cpu;
        cpu = serverCpu(redis);
        started = System.nanoTime();
        batches.forEach(index::acknowledge);
        double acknowledgeSeconds = (System.nanoTime() - started) / 1e9;
        long acknowledgeServerMicros = serverCpu(redis) - cpu;
        long claimed = batches.stream().mapToLong(List::size).sum();
        return String.format("Claims: %d orders in %d batches of up to %d in %.2f s: %.0f batches/s, %.0f orders/s "
                + "(Redis CPU %.0f us per batch); acknowledged in %.2f s: %.0f batches/s (Redis CPU %.0f us per "
                + "batch)", claimed, batches.size(), BATCH, claimSeconds, batches.size() / claimSeconds,
                claimed / claimSeconds, (double) claimServerMicros / batches.size(), acknowledgeSeconds,
                batches.size() / acknowledgeSeconds, (double) acknowledgeServerMicros / batches.size());
    }

    /**
     * Microseconds of CPU the Redis process has used (user and system, {@code INFO cpu}): the part of a claim that all
     * instances share, network included, and far steadier than the wall clock of a busy machine.
     */
    private static long serverCpu(StringRedisTemplate redis) {
        var cpu = redis.execute((RedisConnection it) -> it.serverCommands().info("cpu"));
        return Math.round((Double.parseDouble(cpu.getProperty("used_cpu_user"))
                + Double.parseDouble(cpu.getProperty("used_cpu_sys"))) * 1e6);
    }

    private static long usedMemory(StringRedisTemplate redis) {
        var memory = redis.execute((RedisConnection it) -> it.serverCommands().info("memory"));
        return Long.parseLong(memory.getProperty("used_memory"));
    }
}
