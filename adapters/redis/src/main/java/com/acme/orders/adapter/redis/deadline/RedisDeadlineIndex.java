package com.acme.orders.adapter.redis.deadline;

import com.acme.orders.application.deadline.port.DeadlineIndex;
import com.acme.orders.application.deadline.port.PendingDeadline;
import com.acme.orders.domain.OrderId;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jmolecules.architecture.hexagonal.SecondaryAdapter;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.ClassPathResource;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.connection.ReturnType;
import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.RedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.data.redis.serializer.StringRedisSerializer;

/**
 * The deadline index as small sorted sets: score = payment deadline in epoch milliseconds, member = the order id's 16
 * bytes ({@link OrderIdMember}), spread over shards and, within a shard, over buckets chosen from the order id, each
 * bucket scored in its shard's bucket index by (at most) its earliest deadline ({@link DeadlineShards} says why). Every
 * operation is one Lua script call per shard ({@code track.lua}, {@code forget.lua}, {@code claim-due.lua}, which state
 * what they guarantee); a script reaches the buckets through their shared hash tag.
 *
 * <p>Writes on the customer's path ({@link #track}, {@link #forget}) and acknowledgements never throw: the order is
 * already committed, and a lost write only means the sweeper (a missing entry) or the worker (a stale entry, found
 * already settled) does the job. Each failure is logged and counted in {@code orders.deadline_index.failed_writes}.
 *
 * <p>The layout before buckets, one sorted set per shard named by the shard's tag alone, is read by nothing here. While
 * such a key exists (a service of the previous version is still running, or just ran), the index reports itself not
 * intact and removes those keys, so the service rebuilds it from the database, which holds every order they held.
 */
@SecondaryAdapter
public class RedisDeadlineIndex implements DeadlineIndex {

    public static final String KEY_PREFIX = "orders-deadlines";
    /** The keys of the second index on the same machinery: unpaid orders by the time their customer is reminded. */
    public static final String REMINDERS_KEY_PREFIX = "orders-reminders";
    /**
     * Written after a rebuild and never expiring: FLUSHALL, or a restart without persistence, removes it together with
     * the entries, which is how a lost index is told apart from one that is merely empty.
     */
    public static final String REBUILT_MARKER = "{" + KEY_PREFIX + "}-rebuilt";

    private static final Logger log = LoggerFactory.getLogger(RedisDeadlineIndex.class);
    private static final RedisScript<List> CLAIM_DUE = script("claim-due.lua", List.class);
    private static final RedisScript<Long> TRACK = script("track.lua", Long.class);
    private static final RedisScript<Long> FORGET = script("forget.lua", Long.class);
    private static final RedisScript<Long> COUNT = script("count.lua", Long.class);
    /** Keeps one script call of a rebuild or an acknowledgement well below Redis's argument limits. */
    private static final int CHUNK = 1_000;

    private final RedisTemplate<String, String> redis;
    private final DeadlineShards shards;
    private final MeterRegistry meters;
    private final String keyPrefix;
    private final String rebuiltMarker;
    private final CombinedTracks tracks;
    /** Cleared for good when the connection cannot pipeline (a cluster connection may not): then one call per shard. */
    private volatile boolean pipelining = true;

    public RedisDeadlineIndex(RedisConnectionFactory connections, int shardCount, MeterRegistry meters) {
        this(connections, KEY_PREFIX, shardCount, meters);
    }

    /** An index of its own under {@code keyPrefix}: the reminders use the same machinery as the deadlines. */
    public RedisDeadlineIndex(
            RedisConnectionFactory connections, String keyPrefix, int shardCount, MeterRegistry meters) {
        this.redis = new RedisTemplate<>();
        redis.setConnectionFactory(connections);
        redis.setKeySerializer(StringRedisSerializer.UTF_8);
        redis.setValueSerializer(new StringRedisSerializer(OrderIdMember.CHARSET));
        redis.afterPropertiesSet();
        this.shards = new DeadlineShards(keyPrefix, shardCount);
        this.meters = meters;
        this.keyPrefix = keyPrefix;
        this.rebuiltMarker = "{" + keyPrefix + "}-rebuilt";
        this.tracks = new CombinedTracks(this::trackTogether);
    }

    @Override
    public void track(OrderId order, Instant deadline) {
        neverThrowing("track", () -> tracks.track(new PendingDeadline(order, deadline)));
    }

    @Override
    public void forget(OrderId order) {
        neverThrowing("forget", () -> forgetInShard(shards.of(order), List.of(order)));
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
            List<?> members = redis.execute(
                    CLAIM_DUE,
                    List.of(DeadlineShards.bucketIndexOf(shard)),
                    dueBy,
                    Integer.toString(limit - claimed.size()),
                    leaseEnd);
            if (members != null) {
                members.forEach(it -> claimed.add(OrderIdMember.toOrderId((String) it)));
            }
        }
        return claimed;
    }

    @Override
    public void acknowledge(Collection<OrderId> orders) {
        neverThrowing(
                "acknowledge",
                () -> orders.stream().collect(Collectors.groupingBy(shards::of)).forEach(this::forgetInShard));
    }

    /** A rebuild's page: every shard's script calls in one pipeline, one round trip for the page. */
    @Override
    public void trackAll(Collection<PendingDeadline> deadlines) {
        trackPipelined(deadlines.stream().collect(Collectors.groupingBy(it -> shards.of(it.order()))));
    }

    @Override
    public long size() {
        long size = 0;
        for (String shard : shards.all()) {
            Long count = redis.execute(COUNT, List.of(DeadlineShards.bucketIndexOf(shard)));
            size += count == null ? 0 : count;
        }
        return size;
    }

    /**
     * Also false while keys of the layout before buckets exist: the entries a service of the previous version wrote
     * there are not in this index. It removes them, and the marker with them, so that the index stays not intact until
     * the caller's rebuild has put those orders back from the database, which it reads only after the removal: an
     * entry written to the old layout after that shows again at the next check.
     */
    @Override
    public boolean isIntact() {
        Long previousLayout = redis.countExistingKeys(shards.all());
        if (previousLayout != null && previousLayout > 0) {
            log.info(
                    "Deadline index: {} shards of the layout before buckets found; removing them so that the index "
                            + "is rebuilt from the database",
                    previousLayout);
            redis.delete(rebuiltMarker);
            redis.unlink(shards.all());
            return false;
        }
        return Boolean.TRUE.equals(redis.hasKey(rebuiltMarker));
    }

    @Override
    public void markRebuilt() {
        redis.opsForValue().set(rebuiltMarker, Instant.now().toString());
    }

    /** Read only: unlike {@link #isIntact}, it never clears a previous layout, so an operator's look changes nothing. */
    @Override
    public Optional<Instant> rebuiltAt() {
        return Optional.ofNullable(redis.opsForValue().get(rebuiltMarker)).map(Instant::parse);
    }

    private void trackInShard(String shard, List<PendingDeadline> deadlines) {
        for (int from = 0; from < deadlines.size(); from += CHUNK) {
            List<String> args = new ArrayList<>();
            for (PendingDeadline it : deadlines.subList(from, Math.min(from + CHUNK, deadlines.size()))) {
                args.add(shards.bucketOf(it.order()));
                args.add(Long.toString(score(it.deadline())));
                args.add(OrderIdMember.of(it.order()));
            }
            redis.execute(TRACK, List.of(DeadlineShards.bucketIndexOf(shard)), args.toArray());
        }
    }

    /**
     * The tracks of concurrent placements ({@link CombinedTracks}): one script call per shard, all in one pipeline, so
     * one write to the connection and one round trip.
     */
    private void trackTogether(List<PendingDeadline> deadlines) {
        if (deadlines.size() == 1) {
            trackInShard(shards.of(deadlines.getFirst().order()), deadlines);
            return;
        }
        trackPipelined(deadlines.stream().collect(Collectors.groupingBy(it -> shards.of(it.order()))));
    }

    /** One script call per shard and chunk, all in one pipeline. */
    private void trackPipelined(Map<String, List<PendingDeadline>> byShard) {
        if (!pipelining) {
            byShard.forEach(this::trackInShard);
            return;
        }
        try {
            redis.executePipelined((RedisCallback<@Nullable Object>) connection -> {
                byShard.forEach((shard, inShard) -> {
                    for (int from = 0; from < inShard.size(); from += CHUNK) {
                        connection
                                .scriptingCommands()
                                .evalSha(
                                        TRACK.getSha1(),
                                        ReturnType.INTEGER,
                                        1,
                                        trackKeyAndArguments(
                                                shard, inShard.subList(from, Math.min(from + CHUNK, inShard.size()))));
                    }
                });
                return null;
            });
        } catch (UnsupportedOperationException e) {
            pipelining = false;
            byShard.forEach(this::trackInShard);
        } catch (RuntimeException e) {
            // NOSCRIPT (Redis restarted and lost its scripts) or any part failing: each shard again on its own, which
            // loads the script when it is missing; tracking an order again only puts its entry where it is.
            byShard.forEach(this::trackInShard);
        }
    }

    private byte[][] trackKeyAndArguments(String shard, List<PendingDeadline> deadlines) {
        var keyAndArguments = new byte[1 + 3 * deadlines.size()][];
        keyAndArguments[0] = DeadlineShards.bucketIndexOf(shard).getBytes(StandardCharsets.UTF_8);
        int next = 1;
        for (PendingDeadline it : deadlines) {
            keyAndArguments[next++] = shards.bucketOf(it.order()).getBytes(OrderIdMember.CHARSET);
            keyAndArguments[next++] = Long.toString(score(it.deadline())).getBytes(OrderIdMember.CHARSET);
            keyAndArguments[next++] = OrderIdMember.of(it.order()).getBytes(OrderIdMember.CHARSET);
        }
        return keyAndArguments;
    }

    private void forgetInShard(String shard, List<OrderId> orders) {
        for (int from = 0; from < orders.size(); from += CHUNK) {
            List<String> args = new ArrayList<>();
            for (OrderId order : orders.subList(from, Math.min(from + CHUNK, orders.size()))) {
                args.add(shards.bucketOf(order));
                args.add(OrderIdMember.of(order));
            }
            redis.execute(FORGET, List.of(DeadlineShards.bucketIndexOf(shard)), args.toArray());
        }
    }

    private void neverThrowing(String operation, Runnable write) {
        try {
            write.run();
        } catch (RuntimeException e) {
            failedWrites(operation).increment();
            log.warn(
                    "Deadline index {} failed; the sweeper or the worker will make up for it: {}",
                    operation,
                    e.toString());
        }
    }

    private Counter failedWrites(String operation) {
        return Counter.builder("orders.deadline_index.failed_writes")
                .description("Writes to the deadline index that failed after the database commit")
                .tag("operation", operation)
                .tag("index", keyPrefix)
                .register(meters);
    }

    /** Rounded up to the millisecond, so an entry never falls due before the order's own deadline. */
    private static long score(Instant deadline) {
        return deadline.plusNanos(999_999).toEpochMilli();
    }

    /**
     * Read once: a script made from the resource itself would check the resource for changes on every call, a file
     * system (or jar) look-up on the customer's path.
     */
    private static <T> RedisScript<T> script(String name, Class<T> result) {
        try {
            return RedisScript.of(
                    new ClassPathResource("com/acme/orders/adapter/redis/deadline/" + name)
                            .getContentAsString(StandardCharsets.UTF_8),
                    result);
        } catch (IOException e) {
            throw new UncheckedIOException("the deadline index's script " + name + " is missing", e);
        }
    }
}
