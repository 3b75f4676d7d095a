package com.acme.orders.adapter.rest.protection;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Settings of the HTTP face ({@code orders.http.*}).
 *
 * @param maxBodySize         the largest request body accepted. An order of 100 items with long SKUs is about 10 KiB;
 *                            the 64 KiB default leaves room for that and keeps one request from tying up a thread or
 *                            memory
 * @param maxRequestsInFlight how many API requests one instance serves at once; the next is refused with 503
 *                            {@code service-busy} (see {@link RequestsInFlightLimit}). Every request needs one of the
 *                            database pool's connections (10 by default). The default of 100 lets a burst of ten
 *                            times the pool in, whose surplus waits a moment for a connection, but keeps the queue
 *                            short enough to be served well within the pool's connection timeout. Raise it with the
 *                            pool size
 * @param maxRequestsWorking  how many of those are served at the same time; the rest wait their turn, first come first
 *                            served. Keep it below the database pool's size by the connections of the background
 *                            loops (two timeout workers, the sweeper, the outbox relay): the default of 6 with the
 *                            pool's 10 leaves them 4, so HTTP load never starves the timeout engine. Raise both
 *                            together
 */
@ConfigurationProperties("orders.http")
public record HttpProperties(
        @DefaultValue("64KB") DataSize maxBodySize,
        @DefaultValue("100") int maxRequestsInFlight,
        @DefaultValue("6") int maxRequestsWorking) {

    public HttpProperties {
        if (maxBodySize == null || maxBodySize.toBytes() < 1) {
            throw new IllegalArgumentException("orders.http.max-body-size must be at least 1 byte, got " + maxBodySize);
        }
        if (maxRequestsInFlight < 1) {
            throw new IllegalArgumentException(
                    "orders.http.max-requests-in-flight must be at least 1, got " + maxRequestsInFlight);
        }
        if (maxRequestsWorking < 1) {
            throw new IllegalArgumentException(
                    "orders.http.max-requests-working must be at least 1, got " + maxRequestsWorking);
        }
    }
}
