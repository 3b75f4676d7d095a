package com.acme.orders.adapter.rest.protection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.util.unit.DataSize;

class HttpPropertiesTest {

    @Test
    void request_bodies_are_limited_to_64_kib_unless_configured_otherwise() {
        var defaults =
                new Binder(new MapConfigurationPropertySource()).bindOrCreate("orders.http", HttpProperties.class);
        var configured = new Binder(new MapConfigurationPropertySource(Map.of("orders.http.max-body-size", "1MB")))
                .bindOrCreate("orders.http", HttpProperties.class);

        assertThat(defaults.maxBodySize()).isEqualTo(DataSize.ofKilobytes(64));
        assertThat(configured.maxBodySize().toBytes()).isEqualTo(1024 * 1024);
    }

    @Test
    void an_instance_serves_100_api_requests_at_once_unless_configured_otherwise_and_never_none() {
        var defaults =
                new Binder(new MapConfigurationPropertySource()).bindOrCreate("orders.http", HttpProperties.class);
        var configured = new Binder(
                        new MapConfigurationPropertySource(Map.of("orders.http.max-requests-in-flight", "400")))
                .bindOrCreate("orders.http", HttpProperties.class);

        assertThat(defaults.maxRequestsInFlight()).isEqualTo(100);
        assertThat(configured.maxRequestsInFlight()).isEqualTo(400);
        assertThatThrownBy(() -> new Binder(
                                new MapConfigurationPropertySource(Map.of("orders.http.max-requests-in-flight", "0")))
                        .bindOrCreate("orders.http", HttpProperties.class))
                .hasRootCauseMessage("orders.http.max-requests-in-flight must be at least 1, got 0");
    }

    @Test
    void six_api_requests_are_served_at_the_same_time_unless_configured_otherwise_and_never_none() {
        var defaults =
                new Binder(new MapConfigurationPropertySource()).bindOrCreate("orders.http", HttpProperties.class);
        var configured = new Binder(
                        new MapConfigurationPropertySource(Map.of("orders.http.max-requests-working", "20")))
                .bindOrCreate("orders.http", HttpProperties.class);

        assertThat(defaults.maxRequestsWorking()).isEqualTo(6);
        assertThat(configured.maxRequestsWorking()).isEqualTo(20);
        assertThatThrownBy(() -> new Binder(
                                new MapConfigurationPropertySource(Map.of("orders.http.max-requests-working", "0")))
                        .bindOrCreate("orders.http", HttpProperties.class))
                .hasRootCauseMessage("orders.http.max-requests-working must be at least 1, got 0");
    }
}
