package com.acme.orders.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.acme.orders.adapter.redis.LocalRedis;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The whole service, web servers included, as a deployment runs it: the API on one port, the actuator on the
 * management port. Prometheus and the probes reach the management port without a token; the API port serves no
 * actuator. Readiness follows PostgreSQL only: a Redis that goes away is reported, and the instance keeps taking
 * requests. The service has a Redis of its own here, so that stopping it disturbs no other test of the JVM.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ManagementPortTest {

    private final HttpClient http = HttpClient.newHttpClient();
    private final JsonMapper json = JsonMapper.builder().build();
    private Path redisData;
    private int redisPort;
    private LocalRedis redis;
    private ConfigurableApplicationContext service;
    private int apiPort;
    private int managementPort;

    @BeforeAll
    void startTheServiceWithARedisOfItsOwn() throws IOException {
        redisData = Files.createTempDirectory("management-port-redis");
        redisPort = freePort();
        redis = LocalRedis.start(redisData, redisPort);
        service = ServiceInstance.startWithWebServers(Map.of(
                "spring.data.redis.port",
                redisPort,
                // The timeout worker of this instance would take the work of the timeout tests, on the same database.
                "orders.timeouts.worker-enabled",
                "false",
                "orders.outbox.relay.enabled",
                "false"));
        apiPort = Integer.parseInt(service.getEnvironment().getRequiredProperty("local.server.port"));
        managementPort = Integer.parseInt(service.getEnvironment().getRequiredProperty("local.management.port"));
    }

    @AfterAll
    void stop() throws IOException {
        if (service != null) {
            service.close();
        }
        redis.close();
    }

    @Test
    void prometheus_scrapes_the_management_port_without_a_token_and_finds_the_orders_metrics() throws Exception {
        var scrape = get(managementPort, "/actuator/prometheus", null);

        assertThat(managementPort).isNotEqualTo(apiPort);
        assertThat(scrape.statusCode()).isEqualTo(200);
        assertThat(scrape.body())
                .contains("orders_deadline_index_size")
                .contains("orders_timeout_lag_seconds")
                .contains("orders_outbox_backlog");
    }

    @Test
    void the_api_port_refuses_the_scrape_without_a_token_and_serves_no_actuator_even_to_an_operator() throws Exception {
        var anonymous = get(apiPort, "/actuator/prometheus", null);
        var operator = get(apiPort, "/actuator/prometheus", LocalCredentials.operatorBearer("ops", Instant.now()));
        var health = get(apiPort, "/actuator/health", null);

        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(operator.statusCode()).isEqualTo(404);
        assertThat(operator.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(health.statusCode()).isEqualTo(401);
    }

    @Test
    void readiness_needs_postgresql_and_liveness_the_process_only() throws Exception {
        var readiness = get(managementPort, "/actuator/health/readiness", null);
        var liveness = get(managementPort, "/actuator/health/liveness", null);

        assertThat(readiness.statusCode()).isEqualTo(200);
        assertThat(status(readiness)).isEqualTo("UP");
        assertThat(components(readiness)).containsExactlyInAnyOrder("db", "readinessState");
        assertThat(liveness.statusCode()).isEqualTo(200);
        assertThat(components(liveness)).containsExactly("livenessState");
    }

    @Test
    void while_redis_is_down_the_instance_stays_ready_and_the_health_says_redis_is_down() throws Exception {
        redis.close();
        try {
            var readiness = get(managementPort, "/actuator/health/readiness", null);
            var health = get(managementPort, "/actuator/health", null);

            assertThat(readiness.statusCode()).as(readiness.body()).isEqualTo(200);
            assertThat(status(readiness)).isEqualTo("UP");
            assertThat(health.statusCode()).isEqualTo(503);
            var components = json.readTree(health.body()).get("components");
            assertThat(components.get("redis").get("status").asString()).isEqualTo("DOWN");
            assertThat(components.get("db").get("status").asString()).isEqualTo("UP");
            assertThat(components.get("kafka").get("status").asString()).isEqualTo("UP");
        } finally {
            redis = LocalRedis.start(redisData, redisPort);
        }
    }

    private HttpResponse<String> get(int port, String path, String authorization) throws Exception {
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private String status(HttpResponse<String> health) {
        return json.readTree(health.body()).get("status").asString();
    }

    private Iterable<String> components(HttpResponse<String> health) {
        JsonNode components = json.readTree(health.body()).get("components");
        return components.propertyNames();
    }

    private static int freePort() throws IOException {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
