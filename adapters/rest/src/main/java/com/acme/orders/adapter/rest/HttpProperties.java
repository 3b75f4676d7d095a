package com.acme.orders.adapter.rest;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Settings of the HTTP face ({@code orders.http.*}).
 *
 * @param maxBodySize the largest request body accepted. An order of 100 items with long SKUs is about 10 KiB; the
 *                    64 KiB default leaves room for that and keeps one request from tying up a thread or memory
 */
@ConfigurationProperties("orders.http")
public record HttpProperties(@DefaultValue("64KB") DataSize maxBodySize) {

    public HttpProperties {
        if (maxBodySize == null || maxBodySize.toBytes() < 1) {
            throw new IllegalArgumentException("orders.http.max-body-size must be at least 1 byte, got " + maxBodySize);
        }
    }
}
