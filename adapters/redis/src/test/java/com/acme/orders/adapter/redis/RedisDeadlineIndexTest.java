package com.acme.orders.adapter.redis;

import static org.assertj.core.api.Assertions.assertThat;

import com.acme.orders.application.port.PendingDeadline;
import com.acme.orders.domain.OrderId;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
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
import org.springframework.data.redis.serializer.StringRedisSerializer;

/** The deadline index against a real Redis: what the sorted sets hold after each operation. */
class RedisDeadlineIndexTest {

    private static final int SHARDS = 8;
    private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");
    private static final Duration LEASE = Duration.ofSeconds(30);
    private static final LettuceConnectionFactory CONNECTIONS = TestRedis.connectionFactory();

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final RedisDeadlineIndex index = new RedisDeadlineIndex(CONNECTIONS, SHARDS, meters);
    private final StringRedisTemplate redis = new StringRedisTemplate(CONNECTIONS);
    {
        // Members are raw bytes; read them back the way the adapter writes them.
        redis.setValueSerializer(new StringRedisSerializer(OrderIdMember.CHARSET));
    }

    @BeforeEach
    void emptyRedis() {
        redis.execute(connection -> {
            connection.serverCommands().flushAll();
            return null;
        }, true);
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
        assertThat(index.size()).as("claimed entries stay in Redis until acknowledged").isEqualTo(5);
        assertThat(notYet).allSatisfy(it -> assertThat(scoreOf(it)).isEqualTo(NOW.plusSeconds(5).toEpochMilli()));
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
            List<Future<List<OrderId>>> results = IntStream.range(0, claimers).mapToObj(i -> pool.submit(() -> {
                start.await();
                var mine = new ArrayList<OrderId>();
                List<OrderId> batch;
                do {
                    batch = index.claimDue(NOW, 50, LEASE);
                    mine.addAll(batch);
                } while (!batch.isEmpty());
                return (List<OrderId>) mine;
            })).toList();
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
    void entries_spread_over_every_shard_and_each_shard_is_a_hash_tagged_key() {
        track(8_000, NOW);

        var keys = redis.keys("*");
        assertThat(keys).hasSize(SHARDS).allSatisfy(key -> assertThat(key).matches("\\{orders-deadlines-\\d+}"));
        // 1,000 per shard on average; a fair hash keeps every shard within a few standard deviations (about 30).
        assertThat(keys).allSatisfy(key -> assertThat(redis.opsForZSet().zCard(key)).isBetween(850L, 1_150L));
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
                .mapToObj(i -> new PendingDeadline(OrderId.newId(), NOW.plusMillis(i))).toList();

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
    void writes_to_an_unreachable_redis_never_throw_and_are_counted() {
        var nowhere = TestRedis.connectionFactory(1);
        try {
            var unreachable = new RedisDeadlineIndex(nowhere, SHARDS, meters);

            unreachable.track(OrderId.newId(), NOW);
            unreachable.forget(OrderId.newId());
            unreachable.acknowledge(List.of(OrderId.newId()));

            assertThat(meters.get("orders.deadline_index.failed_writes").counters())
                    .hasSize(3).allSatisfy(it -> assertThat(it.count()).isEqualTo(1.0));
        } finally {
            nowhere.destroy();
        }
    }

    private List<OrderId> track(int count, Instant deadline) {
        var orders = IntStream.range(0, count).mapToObj(i -> OrderId.newId()).toList();
        index.trackAll(orders.stream().map(it -> new PendingDeadline(it, deadline)).toList());
        return orders;
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
