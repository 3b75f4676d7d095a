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
        var defaults = bound(Map.of());
        var configured = bound(Map.of("orders.http.max-body-size", "1MB"));

        assertThat(defaults.maxBodySize()).isEqualTo(DataSize.ofKilobytes(64));
        assertThat(configured.maxBodySize().toBytes()).isEqualTo(1024 * 1024);
    }

    @Test
    void an_instance_serves_100_api_requests_at_once_unless_configured_otherwise_and_never_none() {
        var defaults = bound(Map.of());
        var configured = bound(Map.of("orders.http.max-requests-in-flight", "400"));

        assertThat(defaults.maxRequestsInFlight()).isEqualTo(100);
        assertThat(configured.maxRequestsInFlight()).isEqualTo(400);
        assertThatThrownBy(() -> bound(Map.of("orders.http.max-requests-in-flight", "0")))
                .hasRootCauseMessage("orders.http.max-requests-in-flight must be at least 1, got 0");
    }

    @Test
    void six_api_requests_are_served_at_the_same_time_unless_configured_otherwise_and_never_none() {
        var defaults = bound(Map.of());
        var configured = bound(Map.of("orders.http.max-requests-working", "20"));

        assertThat(defaults.maxRequestsWorking()).isEqualTo(6);
        assertThat(configured.maxRequestsWorking()).isEqualTo(20);
        assertThatThrownBy(() -> bound(Map.of("orders.http.max-requests-working", "0")))
                .hasRootCauseMessage("orders.http.max-requests-working must be at least 1, got 0");
    }

    private static HttpProperties bound(Map<String, String> properties) {
        return new Binder(new MapConfigurationPropertySource(properties))
                .bindOrCreate("orders.http", HttpProperties.class);
    }
}
