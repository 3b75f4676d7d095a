package com.acme.orders.adapter.rest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.util.unit.DataSize;

class HttpPropertiesTest {

    @Test
    void request_bodies_are_limited_to_64_kib_unless_configured_otherwise() {
        var defaults = new Binder(new MapConfigurationPropertySource())
                .bindOrCreate("orders.http", HttpProperties.class);
        var configured = new Binder(new MapConfigurationPropertySource(Map.of("orders.http.max-body-size", "1MB")))
                .bindOrCreate("orders.http", HttpProperties.class);

        assertThat(defaults.maxBodySize()).isEqualTo(DataSize.ofKilobytes(64));
        assertThat(configured.maxBodySize().toBytes()).isEqualTo(1024 * 1024);
    }
}
