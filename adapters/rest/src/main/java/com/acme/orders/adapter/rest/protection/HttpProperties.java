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
 */
@ConfigurationProperties("orders.http")
public record HttpProperties(
        @DefaultValue("64KB") DataSize maxBodySize,
        @DefaultValue("100") int maxRequestsInFlight) {

    public HttpProperties {
        if (maxBodySize == null || maxBodySize.toBytes() < 1) {
            throw new IllegalArgumentException("orders.http.max-body-size must be at least 1 byte, got " + maxBodySize);
        }
        if (maxRequestsInFlight < 1) {
            throw new IllegalArgumentException(
                    "orders.http.max-requests-in-flight must be at least 1, got " + maxRequestsInFlight);
        }
    }
}
