package com.acme.orders.benchmarks.approaches;

import com.acme.orders.application.deadline.port.PendingDeadline;
import io.lettuce.core.LettuceFutures;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisFuture;
import io.lettuce.core.RedisURI;
import io.lettuce.core.SetArgs;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.async.RedisAsyncCommands;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The seeds' timer keys, {@code SET <prefix><id> 1 PX <ms until deadline>}, pipelined on one Lettuce connection in
 * batches of {@link DeadlineTrackings#PIPELINE}. The time to live is computed per batch, just before it is sent, so a
 * key never outlives its deadline by more than the time one batch takes to reach Redis.
 */
final class ExpiringKeyTracking implements DeadlineTracking {

    private final ExpiringKeys kind;
    private final RedisClient client;
    private final StatefulRedisConnection<String, String> connection;

    ExpiringKeyTracking(ExpiringKeys kind, String host, int port) {
        this.kind = kind;
        this.client = RedisClient.create(RedisURI.create(host, port));
        this.connection = client.connect();
    }

    @Override
    public synchronized void track(List<PendingDeadline> orders) {
        RedisAsyncCommands<String, String> redis = connection.async();
        connection.setAutoFlushCommands(false);
        try {
            for (int from = 0; from < orders.size(); from += DeadlineTrackings.PIPELINE) {
                var batch = orders.subList(from, Math.min(from + DeadlineTrackings.PIPELINE, orders.size()));
                var replies = new ArrayList<RedisFuture<String>>(batch.size());
                Instant now = Instant.now();
                for (PendingDeadline it : batch) {
                    replies.add(redis.set(
                            kind.of(it.order()),
                            "1",
                            SetArgs.Builder.px(ExpiringKeys.millisUntil(it.deadline(), now))));
                }
                connection.flushCommands();
                if (!LettuceFutures.awaitAll(DeadlineTrackings.BATCH_TIMEOUT, replies.toArray(RedisFuture[]::new))) {
                    throw new IllegalStateException(
                            "Redis did not answer " + batch.size() + " SETs within " + DeadlineTrackings.BATCH_TIMEOUT);
                }
            }
        } finally {
            connection.setAutoFlushCommands(true);
        }
    }

    @Override
    public void close() {
        connection.close();
        client.shutdown();
    }
}
