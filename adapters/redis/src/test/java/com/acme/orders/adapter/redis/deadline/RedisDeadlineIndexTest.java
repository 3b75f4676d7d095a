package com.acme.orders.adapter.redis.deadline;

import static org.assertj.core.api.Assertions.assertThat;

import com.acme.orders.adapter.redis.TestRedis;
import com.acme.orders.application.deadline.port.PendingDeadline;
import com.acme.orders.domain.OrderId;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.data.redis.serializer.StringRedisSerializer;

/** The deadline index against a real Redis: what its buckets and bucket indexes hold after each operation. */
class RedisDeadlineIndexTest {

    private static final int SHARDS = 8;
    private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");
    private static final Duration LEASE = Duration.ofSeconds(30);
    private static final LettuceConnectionFactory CONNECTIONS = TestRedis.connectionFactory();

    private static final RedisScript<String> ENCODING =
            RedisScript.of("return redis.call('OBJECT', 'ENCODING', KEYS[1])", String.class);

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final RedisDeadlineIndex index = new RedisDeadlineIndex(CONNECTIONS, SHARDS, meters);
    private final StringRedisTemplate redis = new StringRedisTemplate(CONNECTIONS);

    {
        // Members are raw bytes; read them back the way the adapter writes them.
        redis.setValueSerializer(new StringRedisSerializer(OrderIdMember.CHARSET));
    }

    @BeforeEach
    void emptyRedis() {
        redis.execute(
                connection -> {
                    connection.serverCommands().flushAll();
                    return null;
                },
                true);
    }

    @AfterAll
    static void closeConnections() {
        CONNECTIONS.destroy();
    }

    @Test
    void a_claim_returns_only_the_due_entries_and_hides_them_from_the_next_claim_for_the_lease() {
        var due = track(3, NOW.minusSeconds(5));
        var notYet = track(2, NOW.plusSeconds(5));

        var claimed = index.claimDue(NOW, 100, LEASE);

        assertThat(claimed).containsExactlyInAnyOrderElementsOf(due);
        assertThat(index.claimDue(NOW, 100, LEASE)).isEmpty();
        assertThat(index.size())
                .as("claimed entries stay in Redis until acknowledged")
                .isEqualTo(5);
        assertThat(notYet)
                .allSatisfy(it ->
                        assertThat(scoreOf(it)).isEqualTo(NOW.plusSeconds(5).toEpochMilli()));
    }

    @Test
    void a_claim_that_is_never_acknowledged_comes_back_when_the_lease_ends() {
        var due = track(4, NOW);
        index.claimDue(NOW, 100, LEASE);

        assertThat(index.claimDue(NOW.plus(LEASE).minusMillis(1), 100, LEASE)).isEmpty();
        assertThat(index.claimDue(NOW.plus(LEASE), 100, LEASE)).containsExactlyInAnyOrderElementsOf(due);
    }

    @Test
    void acknowledged_entries_are_removed_from_redis() {
        var due = track(5, NOW);
        var claimed = index.claimDue(NOW, 100, LEASE);

        index.acknowledge(claimed);

        assertThat(index.size()).isZero();
        assertThat(due).allSatisfy(it -> assertThat(scoreOf(it)).isNull());
    }

    @Test
    void a_claim_takes_at_most_the_limit_across_all_shards_and_the_rest_stays_due() {
        track(50, NOW);

        var first = index.claimDue(NOW, 20, LEASE);
        var second = index.claimDue(NOW, 100, LEASE);

        assertThat(first).hasSize(20);
        assertThat(second).hasSize(30).doesNotContainAnyElementsOf(first);
    }

    @Test
    void concurrent_claimers_never_get_the_same_entry() throws Exception {
        var due = track(4_000, NOW);
        int claimers = 8;
        var start = new CyclicBarrier(claimers);
        var all = new ArrayList<OrderId>();
        try (var pool = Executors.newFixedThreadPool(claimers)) {
            List<Future<List<OrderId>>> results = IntStream.range(0, claimers)
                    .mapToObj(i -> pool.submit(() -> {
                        start.await();
                        var mine = new ArrayList<OrderId>();
                        List<OrderId> batch;
                        do {
                            batch = index.claimDue(NOW, 50, LEASE);
                            mine.addAll(batch);
                        } while (!batch.isEmpty());
                        return (List<OrderId>) mine;
                    }))
                    .toList();
            for (var result : results) {
                var mine = result.get(1, TimeUnit.MINUTES);
                assertThat(mine).as("every claimer got a share").isNotEmpty();
                all.addAll(mine);
            }
        }

        assertThat(all).hasSize(due.size()).doesNotHaveDuplicates();
        assertThat(new HashSet<>(all)).isEqualTo(new HashSet<>(due));
    }

    @Test
    void entries_spread_over_every_shard_and_its_buckets_and_every_key_carries_its_shards_hash_tag() {
        track(8_000, NOW);

        var keys = redis.keys("*");
        assertThat(keys).allSatisfy(key -> assertThat(key).matches("\\{orders-deadlines-\\d+}:(\\d+|buckets)"));
        var indexes = keys.stream().filter(it -> it.endsWith(":buckets")).toList();
        assertThat(indexes).hasSize(SHARDS);
        // 1,000 per shard on average; a fair hash keeps every shard within a few standard deviations (about 30).
        assertThat(indexes).allSatisfy(index -> assertThat(countInShard(index)).isBetween(850L, 1_150L));
        // 8,000 orders over 8 x 2,048 buckets: most buckets hold none or one, and none holds many.
        assertThat(keys.size() - SHARDS).isBetween(5_000, 8_000);
    }

    @Test
    void buckets_stay_compact_listpacks_at_the_density_of_a_million_pending_orders() {
        // A million orders over 16 shards fill each bucket as 62,500 fill the buckets of one shard.
        var oneShard = new RedisDeadlineIndex(CONNECTIONS, 1, meters);
        oneShard.trackAll(IntStream.range(0, 62_500)
                .mapToObj(i -> new PendingDeadline(OrderId.newId(), NOW.plusMillis(i)))
                .toList());

        var buckets = redis.keys("{orders-deadlines-0}:*").stream()
                .filter(it -> !it.endsWith(":buckets"))
                .toList();
        assertThat(buckets).hasSize(DeadlineShards.BUCKETS_PER_SHARD);
        assertThat(buckets).allSatisfy(bucket -> {
            assertThat(redis.opsForZSet().zCard(bucket)).isLessThan(128);
            assertThat(redis.execute(ENCODING, List.of(bucket))).isIn("ziplist", "listpack");
        });
    }

    @Test
    void a_claim_takes_due_entries_across_many_buckets_of_a_shard_up_to_its_limit() {
        var oneShard = new RedisDeadlineIndex(CONNECTIONS, 1, meters);
        var due = IntStream.range(0, 5_000).mapToObj(i -> OrderId.newId()).toList();
        oneShard.trackAll(due.stream()
                .map(it -> new PendingDeadline(it, NOW.minusMillis(it.hashCode() & 0xFFFF)))
                .toList());
        oneShard.track(OrderId.newId(), NOW.plusSeconds(1));

        var first = oneShard.claimDue(NOW, 3_000, LEASE);
        var second = oneShard.claimDue(NOW, 3_000, LEASE);

        assertThat(first).hasSize(3_000).doesNotHaveDuplicates();
        assertThat(second).hasSize(2_000).doesNotContainAnyElementsOf(first);
        assertThat(oneShard.claimDue(NOW, 3_000, LEASE)).isEmpty();
        assertThat(oneShard.size()).isEqualTo(5_001);
    }

    @Test
    void a_claim_that_stops_at_its_limit_inside_a_bucket_leaves_the_rest_of_the_bucket_due() {
        var oneShard = new RedisDeadlineIndex(CONNECTIONS, 1, meters);
        var sameBucket = ordersInOneBucket(5);
        sameBucket.forEach(it -> oneShard.track(it, NOW.minusSeconds(1)));

        var first = oneShard.claimDue(NOW, 3, LEASE);
        var second = oneShard.claimDue(NOW, 3, LEASE);

        assertThat(first).hasSize(3);
        assertThat(second).hasSize(2).doesNotContainAnyElementsOf(first);
        assertThat(oneShard.claimDue(NOW.plus(LEASE), 10, LEASE)).containsExactlyInAnyOrderElementsOf(sameBucket);
    }

    @Test
    void a_bucket_with_many_due_entries_is_claimed_whole_and_then_scored_by_its_next_deadline() {
        var oneShard = new RedisDeadlineIndex(CONNECTIONS, 1, meters);
        var orders = ordersInOneBucket(120);
        var bucket = "{orders-deadlines-0}:" + bucketNumber(orders.getFirst());
        var due = orders.subList(0, 100);
        var later = orders.subList(100, 120);
        due.forEach(it -> oneShard.track(it, NOW.minusSeconds(1)));
        later.forEach(it -> oneShard.track(it, NOW.plusSeconds(10)));

        assertThat(oneShard.claimDue(NOW, 500, LEASE)).containsExactlyInAnyOrderElementsOf(due);
        assertThat(bucketScore(bucket)).isEqualTo(NOW.plusSeconds(10).toEpochMilli());
        assertThat(oneShard.claimDue(NOW.plusSeconds(10), 500, LEASE)).containsExactlyInAnyOrderElementsOf(later);
        assertThat(bucketScore(bucket))
                .as("now the claimed ones come first, at the end of their lease")
                .isEqualTo(NOW.plus(LEASE).toEpochMilli());
    }

    @Test
    void an_entry_moved_to_a_later_deadline_leaves_its_bucket_scored_early_until_a_claim_corrects_it() {
        var oneShard = new RedisDeadlineIndex(CONNECTIONS, 1, meters);
        var orders = ordersInOneBucket(3);
        var bucket = "{orders-deadlines-0}:" + bucketNumber(orders.getFirst());
        oneShard.track(orders.get(0), NOW.minusSeconds(5));
        oneShard.track(orders.get(1), NOW.plusSeconds(60));
        oneShard.track(orders.get(0), NOW.plusSeconds(120));
        assertThat(bucketScore(bucket)).isEqualTo(NOW.minusSeconds(5).toEpochMilli());

        assertThat(oneShard.claimDue(NOW, 10, LEASE)).isEmpty();
        assertThat(bucketScore(bucket)).isEqualTo(NOW.plusSeconds(60).toEpochMilli());

        oneShard.track(orders.get(2), NOW.minusSeconds(1));
        var claimed = oneShard.claimDue(NOW, 10, LEASE);
        assertThat(claimed).containsExactly(orders.get(2));
        oneShard.acknowledge(claimed);
        assertThat(oneShard.claimDue(NOW.plusSeconds(60), 10, LEASE)).containsExactly(orders.get(1));
    }

    @Test
    void forgetting_and_acknowledging_find_an_entry_by_its_id_alone_and_a_claim_drops_an_emptied_bucket() {
        var oneShard = new RedisDeadlineIndex(CONNECTIONS, 1, meters);
        var orders = ordersInOneBucket(3);
        var bucket = "{orders-deadlines-0}:" + bucketNumber(orders.getFirst());
        orders.forEach(it -> oneShard.track(it, NOW));

        oneShard.forget(orders.get(0));
        assertThat(oneShard.size()).isEqualTo(2);

        oneShard.acknowledge(oneShard.claimDue(NOW, 10, LEASE));
        assertThat(oneShard.size()).isZero();
        assertThat(redis.hasKey(bucket)).isFalse();
        assertThat(bucketScore(bucket))
                .as("left for the next claim that reaches it")
                .isEqualTo(NOW.plus(LEASE).toEpochMilli());

        assertThat(oneShard.claimDue(NOW.plus(LEASE), 10, LEASE)).isEmpty();
        assertThat(redis.keys("*")).isEmpty();
    }

    @Test
    void concurrent_tracking_and_claiming_in_the_same_buckets_lose_no_entry_and_claim_none_twice() throws Exception {
        var oneShard = new RedisDeadlineIndex(CONNECTIONS, 1, meters);
        int threads = 8;
        var tracked = IntStream.range(0, threads / 2)
                .mapToObj(t ->
                        IntStream.range(0, 500).mapToObj(i -> OrderId.newId()).toList())
                .toList();
        var start = new CyclicBarrier(threads);
        var claimed = new ArrayList<OrderId>();
        try (var pool = Executors.newFixedThreadPool(threads)) {
            var trackers = tracked.stream()
                    .map(mine -> pool.submit(() -> {
                        start.await();
                        mine.forEach(it -> oneShard.track(it, NOW));
                        return null;
                    }))
                    .toList();
            var claimers = IntStream.range(0, threads / 2)
                    .mapToObj(c -> pool.submit(() -> {
                        start.await();
                        var mine = new ArrayList<OrderId>();
                        while (!trackers.stream().allMatch(Future::isDone)) {
                            mine.addAll(oneShard.claimDue(NOW, 50, LEASE));
                        }
                        return mine;
                    }))
                    .toList();
            for (var tracker : trackers) {
                tracker.get(1, TimeUnit.MINUTES);
            }
            for (var claimer : claimers) {
                claimed.addAll(claimer.get(1, TimeUnit.MINUTES));
            }
        }
        claimed.addAll(oneShard.claimDue(NOW, 10_000, LEASE));

        assertThat(claimed)
                .doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(
                        tracked.stream().flatMap(List::stream).toList());
    }

    @Test
    void orders_placed_at_the_same_moment_by_many_callers_are_tracked_together_each_at_its_own_deadline()
            throws Exception {
        redis.execute(
                connection -> {
                    connection.serverCommands().resetConfigStats();
                    return null;
                },
                true);

        var tracked = tracksFromManyCallersAtOnce();

        assertThat(tracked)
                .allSatisfy(
                        (order, deadline) -> assertThat(scoreInItsBucket(order)).isEqualTo(deadline.toEpochMilli()));
        assertThat(scriptCalls())
                .as("script calls for %d tracks", tracked.size())
                .isPositive()
                .isLessThan(tracked.size());
        assertThat(meters.find("orders.deadline_index.failed_writes").counters())
                .allSatisfy(it -> assertThat(it.count()).isZero());
    }

    @Test
    void orders_tracked_together_after_redis_lost_its_scripts_are_tracked_all_the_same() throws Exception {
        index.track(OrderId.newId(), NOW);
        redis.execute(
                connection -> {
                    connection.scriptingCommands().scriptFlush();
                    return null;
                },
                true);

        assertThat(tracksFromManyCallersAtOnce())
                .allSatisfy(
                        (order, deadline) -> assertThat(scoreInItsBucket(order)).isEqualTo(deadline.toEpochMilli()));
        assertThat(meters.find("orders.deadline_index.failed_writes").counters())
                .allSatisfy(it -> assertThat(it.count()).isZero());
    }

    private Long scoreInItsBucket(OrderId order) {
        var score = redis.opsForZSet()
                .score(
                        new DeadlineShards(RedisDeadlineIndex.KEY_PREFIX, SHARDS).bucketOf(order),
                        OrderIdMember.of(order));
        return score == null ? null : score.longValue();
    }

    /** EVAL and EVALSHA calls since the statistics were reset, from INFO commandstats. */
    private long scriptCalls() {
        var stats = redis.execute(connection -> connection.serverCommands().info("commandstats"), true);
        return stats.stringPropertyNames().stream()
                .filter(it -> it.equals("cmdstat_evalsha") || it.equals("cmdstat_eval"))
                .mapToLong(it -> Long.parseLong(stats.getProperty(it).replaceAll("^calls=(\\d+),.*", "$1")))
                .sum();
    }

    /** 64 callers, released together, each tracking 20 orders one after the other at deadlines of its own. */
    private java.util.Map<OrderId, Instant> tracksFromManyCallersAtOnce() throws Exception {
        int callers = 64;
        var start = new CyclicBarrier(callers);
        var deadlines = new java.util.concurrent.ConcurrentHashMap<OrderId, Instant>();
        try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
            var running = IntStream.range(0, callers)
                    .mapToObj(caller -> pool.submit(() -> {
                        start.await();
                        for (int i = 0; i < 20; i++) {
                            var order = OrderId.newId();
                            var deadline = NOW.plusSeconds(caller * 100L + i);
                            index.track(order, deadline);
                            deadlines.put(order, deadline);
                        }
                        return null;
                    }))
                    .toList();
            for (var it : running) {
                it.get(1, TimeUnit.MINUTES);
            }
        }
        assertThat(deadlines).hasSize(callers * 20);
        assertThat(index.size()).isGreaterThanOrEqualTo(callers * 20L);
        return deadlines;
    }

    @Test
    void tracking_again_moves_the_entry_to_its_new_deadline_and_forgetting_removes_it() {
        var order = OrderId.newId();
        index.track(order, NOW);
        index.track(order, NOW.plusSeconds(60));

        assertThat(index.claimDue(NOW, 10, LEASE)).isEmpty();
        index.forget(order);
        assertThat(index.size()).isZero();
    }

    @Test
    void a_rebuild_tracks_every_entry_at_its_deadline() {
        var entries = IntStream.range(0, 2_500)
                .mapToObj(i -> new PendingDeadline(OrderId.newId(), NOW.plusMillis(i)))
                .toList();

        index.trackAll(entries);

        assertThat(index.size()).isEqualTo(2_500);
        assertThat(index.claimDue(NOW.plusMillis(99), 10_000, LEASE)).hasSize(100);
    }

    @Test
    void a_deadline_with_a_fraction_of_a_millisecond_is_not_due_before_it_has_passed() {
        var order = OrderId.newId();
        index.track(order, NOW.plusNanos(400_000));

        assertThat(index.claimDue(NOW, 10, LEASE)).isEmpty();
        assertThat(index.claimDue(NOW.plusMillis(1), 10, LEASE)).containsExactly(order);
    }

    @Test
    void an_index_is_intact_after_a_rebuild_and_lost_once_redis_is_flushed_even_if_new_entries_arrive() {
        assertThat(index.isIntact()).isFalse();
        index.markRebuilt();
        assertThat(index.isIntact()).isTrue();

        emptyRedis();
        index.track(OrderId.newId(), NOW);

        assertThat(index.isIntact()).isFalse();
    }

    @Test
    void keys_of_the_layout_before_buckets_make_the_index_not_intact_until_rebuilt_and_are_removed() {
        index.markRebuilt();
        var previousVersion = "{orders-deadlines-3}";
        redis.opsForZSet().add(previousVersion, OrderIdMember.of(OrderId.newId()), NOW.toEpochMilli());

        assertThat(index.isIntact()).isFalse();
        assertThat(redis.hasKey(previousVersion)).isFalse();
        assertThat(index.isIntact())
                .as("still not intact: a rebuild must follow")
                .isFalse();

        index.markRebuilt();
        assertThat(index.isIntact()).isTrue();
    }

    @Test
    void writes_to_an_unreachable_redis_never_throw_and_are_counted() {
        var nowhere = TestRedis.connectionFactory(1);
        try {
            var unreachable = new RedisDeadlineIndex(nowhere, SHARDS, meters);

            unreachable.track(OrderId.newId(), NOW);
            unreachable.forget(OrderId.newId());
            unreachable.acknowledge(List.of(OrderId.newId()));

            assertThat(meters.get("orders.deadline_index.failed_writes").counters())
                    .hasSize(3)
                    .allSatisfy(it -> assertThat(it.count()).isEqualTo(1.0));
        } finally {
            nowhere.destroy();
        }
    }

    private List<OrderId> track(int count, Instant deadline) {
        var orders = IntStream.range(0, count).mapToObj(i -> OrderId.newId()).toList();
        index.trackAll(
                orders.stream().map(it -> new PendingDeadline(it, deadline)).toList());
        return orders;
    }

    /** Orders that share one bucket of shard 0 (the only shard of a one-shard index): bits 40 to 50 equal. */
    private static List<OrderId> ordersInOneBucket(int count) {
        var random = new Random(7);
        long bucketBits = 1_234L << 40;
        return IntStream.range(0, count)
                .mapToObj(
                        i -> new OrderId(new UUID(random.nextLong(), random.nextLong() & ~(0x7FFL << 40) | bucketBits)))
                .toList();
    }

    private static long bucketNumber(OrderId order) {
        return (order.value().getLeastSignificantBits() >>> 40) & 0x7FF;
    }

    private Long bucketScore(String bucket) {
        var score = redis.opsForZSet().score("{orders-deadlines-0}:buckets", bucket);
        return score == null ? null : score.longValue();
    }

    private long countInShard(String bucketIndex) {
        return redis.opsForZSet().range(bucketIndex, 0, -1).stream()
                .mapToLong(bucket -> redis.opsForZSet().zCard(bucket))
                .sum();
    }

    private Long scoreOf(OrderId order) {
        for (String key : redis.keys("*")) {
            var score = redis.opsForZSet().score(key, OrderIdMember.of(order));
            if (score != null) {
                return score.longValue();
            }
        }
        return null;
    }
}
