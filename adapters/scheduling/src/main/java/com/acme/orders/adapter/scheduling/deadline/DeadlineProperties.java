package com.acme.orders.adapter.scheduling.deadline;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How unpaid orders are timed out ({@code orders.timeouts.*}). The defaults, and why:
 *
 * @param pollInterval   100ms: the mean pause of the worker between polls when nothing was due; each pause is drawn
 *                       between half and one and a half times it, so instances started together drift apart. An order
 *                       due just after a poll waits up to 1.5 intervals before any work starts, so the interval is a
 *                       small part of the lag an operator accepts; an idle poll costs one Lua call per shard, 160
 *                       cheap calls a second per loop
 * @param batchSize      500: orders claimed and cancelled per transaction; large enough that a flash sale drains at
 *                       thousands per second, small enough that one transaction holds its row locks briefly
 * @param lease          30s: how long a claim hides its entries from other workers; far longer than a batch takes,
 *                       and the longest an order waits when the worker that claimed it died
 * @param sweeperInterval 1m: how often the sweeper looks for overdue orders the index missed
 * @param sweeperMargin  1m: how long past its deadline an order is left to the worker before the sweeper takes it;
 *                       an order the index lost is cancelled at most margin + interval after its deadline
 * @param workerEnabled  true: whether this instance polls at all (an instance may serve requests only)
 * @param concurrency    2: batches in flight per instance; one batch mostly waits for PostgreSQL and Redis, so a
 *                       second one keeps the database busy meanwhile; more only queue for the same database
 */
@ConfigurationProperties("orders.timeouts")
public record DeadlineProperties(
        @DefaultValue("100ms") Duration pollInterval,
        @DefaultValue("500") int batchSize,
        @DefaultValue("30s") Duration lease,
        @DefaultValue("1m") Duration sweeperInterval,
        @DefaultValue("1m") Duration sweeperMargin,
        @DefaultValue("true") boolean workerEnabled,
        @DefaultValue("2") int concurrency) {

    public DeadlineProperties {
        if (!pollInterval.isPositive()
                || !lease.isPositive()
                || !sweeperInterval.isPositive()
                || sweeperMargin.isNegative()
                || batchSize < 1
                || concurrency < 1) {
            throw new IllegalArgumentException("orders.timeouts: intervals and lease are positive, the margin is not "
                    + "negative, batch size and concurrency are at least 1");
        }
    }
}
