package com.acme.orders.benchmarks.approaches;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the competitors run ({@code benchmark.*}); {@code benchmark.approach} picks one (an {@code Approach} id).
 *
 * @param approach   the id of the approach this JVM runs; {@code service} adds nothing to the shipped application
 * @param scan       the seed's cron scan
 * @param keyspace   the seed's subscriber to expired-key events
 * @param skipLocked the database poll with {@code FOR UPDATE SKIP LOCKED}
 * @param redisson   the consumers of Redisson's delayed queue
 */
@ConfigurationProperties("benchmark")
public record ApproachProperties(
        @DefaultValue("service") String approach,
        @DefaultValue Scan scan,
        @DefaultValue Keyspace keyspace,
        @DefaultValue SkipLocked skipLocked,
        @DefaultValue Redisson redisson) {

    /**
     * @param interval   1s: how often every unpaid order is read. The seed runs its job every 15 s
     *                   ({@code cron = "*}{@code /15 * * * * ?"}), the blog of seed 003 every minute; 1 s is the most
     *                   generous setting for its lag, and what it costs at scale is what the benchmark shows
     * @param fetchSize  10,000: rows per round trip of the streamed read: a million unpaid orders never sit in memory
     * @param keyBatch   1,000: EXISTS commands per Redis pipeline
     */
    public record Scan(
            @DefaultValue("1s") Duration interval,
            @DefaultValue("10000") int fetchSize,
            @DefaultValue("1000") int keyBatch) {}

    /**
     * @param threads 8: cancellations in parallel; below the database pool (Hikari's default of 10), so the outbox
     *                relay always finds a connection
     */
    public record Keyspace(@DefaultValue("8") int threads) {}

    /**
     * @param threads      2: pollers, each with its own transaction
     * @param batch        100: orders locked and cancelled per transaction
     * @param pollInterval 250ms: the pause after a batch that was not full, the service's own poll interval
     */
    public record SkipLocked(
            @DefaultValue("2") int threads,
            @DefaultValue("100") int batch,
            @DefaultValue("250ms") Duration pollInterval) {}

    /** @param consumers 4: threads taking due orders from the queue */
    public record Redisson(@DefaultValue("4") int consumers) {}
}
