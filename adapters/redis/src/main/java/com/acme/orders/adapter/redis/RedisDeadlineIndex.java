package com.acme.orders.adapter.redis;

import com.acme.orders.application.port.DeadlineIndex;
import com.acme.orders.application.port.PendingDeadline;
import com.acme.orders.domain.OrderId;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.jmolecules.architecture.hexagonal.SecondaryAdapter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.ClassPathResource;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.core.RedisTemplate;
import org.springframework.data.redis.core.ZSetOperations.TypedTuple;
import org.springframework.data.redis.core.script.DefaultRedisScript;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.data.redis.serializer.StringRedisSerializer;

/**
 * The deadline index as sorted sets: score = payment deadline in epoch milliseconds, member = the order id's 16 bytes
 * ({@link OrderIdMember}), spread over shards ({@link DeadlineShards}). Claims run as one Lua script per shard
 * ({@code claim-due.lua}, which states what it guarantees).
 *
 * <p>Writes on the customer's path ({@link #track}, {@link #forget}) and acknowledgements never throw: the order is
 * already committed, and a lost write only means the sweeper (a missing entry) or the worker (a stale entry, found
 * already settled) does the job. Each failure is logged and counted in {@code orders.deadline_index.failed_writes}.
 */
@SecondaryAdapter
public class RedisDeadlineIndex implements DeadlineIndex {

    public static final String KEY_PREFIX = "orders-deadlines";
    /**
     * Written after a rebuild and never expiring: FLUSHALL, or a restart without persistence, removes it together with
     * the entries, which is how a lost index is told apart from one that is merely empty.
     */
    static final String REBUILT_MARKER = "{" + KEY_PREFIX + "}-rebuilt";
    private static final Logger log = LoggerFactory.getLogger(RedisDeadlineIndex.class);
    private static final RedisScript<List> CLAIM_DUE = RedisScript.of(
            new ClassPathResource("com/acme/orders/adapter/redis/claim-due.lua"), List.class);
    /** Keeps one ZADD of a rebuild well below Redis's argument and reply limits. */
    private static final int TRACK_ALL_CHUNK = 1_000;

    private final RedisTemplate<String, String> redis;
    private final DeadlineShards shards;
    private final MeterRegistry meters;

    public RedisDeadlineIndex(RedisConnectionFactory connections, int shardCount, MeterRegistry meters) {
        this.redis = new RedisTemplate<>();
        redis.setConnectionFactory(connections);
        redis.setKeySerializer(StringRedisSerializer.UTF_8);
        redis.setValueSerializer(new StringRedisSerializer(OrderIdMember.CHARSET));
        redis.afterPropertiesSet();
        this.shards = new DeadlineShards(KEY_PREFIX, shardCount);
        this.meters = meters;
    }

    @Override
    public void track(OrderId order, Instant deadline) {
        neverThrowing("track", () -> redis.opsForZSet().add(shards.of(order), OrderIdMember.of(order), score(deadline)));
    }

    @Override
    public void forget(OrderId order) {
        neverThrowing("forget", () -> redis.opsForZSet().remove(shards.of(order), OrderIdMember.of(order)));
    }

    @Override
    public List<OrderId> claimDue(Instant now, int limit, Duration lease) {
        String dueBy = Long.toString(now.toEpochMilli());
        String leaseEnd = Long.toString(now.plus(lease).toEpochMilli());
        List<OrderId> claimed = new ArrayList<>();
        for (String shard : shards.inRandomRotation()) {
            if (claimed.size() >= limit) {
                break;
            }
            List<?> members = redis.execute(CLAIM_DUE, List.of(shard), dueBy,
                    Integer.toString(limit - claimed.size()), leaseEnd);
            if (members != null) {
                members.forEach(it -> claimed.add(OrderIdMember.toOrderId((String) it)));
            }
        }
        return claimed;
    }

    @Override
    public void acknowledge(Collection<OrderId> orders) {
        neverThrowing("acknowledge", () -> byShard(orders).forEach(
                (shard, members) -> redis.opsForZSet().remove(shard, members.toArray())));
    }

    @Override
    public void trackAll(Collection<PendingDeadline> deadlines) {
        Map<String, List<PendingDeadline>> byShard = deadlines.stream()
                .collect(Collectors.groupingBy(it -> shards.of(it.order())));
        byShard.forEach((shard, entries) -> {
            for (int from = 0; from < entries.size(); from += TRACK_ALL_CHUNK) {
                Set<TypedTuple<String>> tuples = entries.subList(from, Math.min(from + TRACK_ALL_CHUNK, entries.size()))
                        .stream()
                        .map(it -> TypedTuple.of(OrderIdMember.of(it.order()), score(it.deadline())))
                        .collect(Collectors.toSet());
                redis.opsForZSet().add(shard, tuples);
            }
        });
    }

    @Override
    public long size() {
        long size = 0;
        for (String shard : shards.all()) {
            Long count = redis.opsForZSet().zCard(shard);
            size += count == null ? 0 : count;
        }
        return size;
    }

    @Override
    public boolean isIntact() {
        return Boolean.TRUE.equals(redis.hasKey(REBUILT_MARKER));
    }

    @Override
    public void markRebuilt() {
        redis.opsForValue().set(REBUILT_MARKER, Instant.now().toString());
    }

    private Map<String, List<String>> byShard(Collection<OrderId> orders) {
        return orders.stream().collect(Collectors.groupingBy(shards::of,
                Collectors.mapping(OrderIdMember::of, Collectors.toList())));
    }

    private void neverThrowing(String operation, Runnable write) {
        try {
            write.run();
        } catch (RuntimeException e) {
            failedWrites(operation).increment();
            log.warn("Deadline index {} failed; the sweeper or the worker will make up for it: {}", operation,
                    e.toString());
        }
    }

    private Counter failedWrites(String operation) {
        return Counter.builder("orders.deadline_index.failed_writes")
                .description("Writes to the deadline index that failed after the database commit")
                .tag("operation", operation)
                .register(meters);
    }

    /** Rounded up to the millisecond, so an entry never falls due before the order's own deadline. */
    private static double score(Instant deadline) {
        return deadline.plusNanos(999_999).toEpochMilli();
    }
}
