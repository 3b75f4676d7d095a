package com.acme.orders.benchmarks.approaches;

import static com.acme.orders.adapter.postgres.jooq.Tables.ORDERS;

import com.acme.orders.application.change.port.Transactions;
import com.acme.orders.application.deadline.ExpireOrder;
import com.acme.orders.domain.OrderId;
import com.acme.orders.domain.Transition;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.jooq.Cursor;
import org.jooq.DSLContext;
import org.jooq.Record1;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * Seed 000's cron job, written as a careful user would: at a fixed rate, stream the id of every unpaid order from
 * PostgreSQL, ask Redis in pipelines whether each one's {@code order:timeout:<id>} key still exists, and expire, one
 * use case call after the other as the seed's loop does, the orders whose key is gone. The aggregate decides, so a key
 * lost before the deadline (FLUSHALL, eviction) is refused as not yet due instead of cancelling the order early, as
 * the seed itself would.
 *
 * <p>Each scan is one read transaction (a server-side cursor needs one) and then one transaction per cancelled order.
 * Its cost grows with every unpaid order, due or not: each scan logs and records ({@code benchmark.scan.*}) its
 * duration and the rows it read.
 */
final class UnpaidOrderScan {

    private static final Logger log = LoggerFactory.getLogger(UnpaidOrderScan.class);

    private final DSLContext db;
    private final Transactions transactions;
    private final StringRedisTemplate redis;
    private final ExpireOrder expireOrder;
    private final ApproachProperties.Scan settings;
    private final Timer readDuration;
    private final Timer scanDuration;
    private final DistributionSummary rowsRead;

    UnpaidOrderScan(
            DSLContext db,
            Transactions transactions,
            StringRedisTemplate redis,
            ExpireOrder expireOrder,
            ApproachProperties.Scan settings,
            MeterRegistry meters) {
        this.db = db;
        this.transactions = transactions;
        this.redis = redis;
        this.expireOrder = expireOrder;
        this.settings = settings;
        this.readDuration = Timer.builder("benchmark.scan.read")
                .description("Reading every unpaid order and " + "checking its key, per scan")
                .register(meters);
        this.scanDuration = Timer.builder("benchmark.scan.duration")
                .description("A whole scan, cancellations " + "included")
                .register(meters);
        this.rowsRead = DistributionSummary.builder("benchmark.scan.rows")
                .description("Unpaid orders read per scan")
                .register(meters);
    }

    /** One scan; always false, the next one starts at the next tick. */
    boolean scanOnce() {
        long started = System.nanoTime();
        var read = new long[1];
        List<OrderId> keyGone = transactions.inTransaction(() -> {
            var gone = new ArrayList<OrderId>();
            var batch = new ArrayList<UUID>(settings.keyBatch());
            try (Cursor<Record1<UUID>> unpaid = db.select(ORDERS.ID)
                    .from(ORDERS)
                    .where(ORDERS.STATUS.eq("UNPAID"))
                    .fetchSize(settings.fetchSize())
                    .fetchLazy()) {
                for (Record1<UUID> row : unpaid) {
                    read[0]++;
                    batch.add(row.value1());
                    if (batch.size() == settings.keyBatch()) {
                        gone.addAll(withoutKey(batch));
                        batch.clear();
                    }
                }
            }
            gone.addAll(withoutKey(batch));
            return gone;
        });
        long readNanos = System.nanoTime() - started;
        int cancelled = 0;
        for (OrderId order : keyGone) {
            try {
                if (expireOrder.expire(order).transition() instanceof Transition.Changed) {
                    cancelled++;
                }
            } catch (RuntimeException e) {
                log.warn("scan: order {} not expired, the next scan tries again: {}", order, e.toString());
            }
        }
        long totalNanos = System.nanoTime() - started;
        readDuration.record(readNanos, TimeUnit.NANOSECONDS);
        scanDuration.record(totalNanos, TimeUnit.NANOSECONDS);
        rowsRead.record(read[0]);
        log.info(
                "scan: read {} unpaid orders in {} ms, {} without key, {} cancelled; whole scan {} ms",
                read[0],
                readNanos / 1_000_000,
                keyGone.size(),
                cancelled,
                totalNanos / 1_000_000);
        return false;
    }

    /** The orders of {@code ids} whose timer key is gone, asked in one pipeline. */
    private List<OrderId> withoutKey(List<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        List<Object> exists = redis.executePipelined((RedisCallback<@Nullable Object>) connection -> {
            for (UUID id : ids) {
                connection
                        .keyCommands()
                        .exists(ExpiringKeys.SCAN.of(new OrderId(id)).getBytes(StandardCharsets.UTF_8));
            }
            return null;
        });
        var gone = new ArrayList<OrderId>();
        for (int i = 0; i < ids.size(); i++) {
            if (!Boolean.TRUE.equals(exists.get(i))) {
                gone.add(new OrderId(ids.get(i)));
            }
        }
        return gone;
    }
}
