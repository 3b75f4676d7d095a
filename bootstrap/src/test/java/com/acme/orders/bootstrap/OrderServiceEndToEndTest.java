package com.acme.orders.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.acme.orders.adapter.postgres.TestPostgres;
import com.acme.orders.application.fakes.MovableClock;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The whole service over real HTTP against a real PostgreSQL: what a client and a payment provider see. */
@SpringBootTest(classes = OrderServiceApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(OrderServiceEndToEndTest.MovableTime.class)
class OrderServiceEndToEndTest {

    private static final MovableClock CLOCK = new MovableClock(Instant.now());

    @TestConfiguration(proxyBeanMethods = false)
    static class MovableTime {
        @Bean
        @Primary
        Clock movableClock() {
            return CLOCK;
        }
    }

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        TestPostgres.addDataSourceProperties(registry);
    }

    private final HttpClient http = HttpClient.newHttpClient();
    private final JsonMapper json = JsonMapper.builder().build();
    private final String customer = "customer-" + UUID.randomUUID();

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void a_customer_places_an_order_and_the_payment_provider_settles_it() throws Exception {
        var placed = send("POST", "/v1/orders", customer, """
                {"currency":"EUR","items":[{"sku":"BOOK-1","quantity":2,"unitPrice":"12.50"}]}""");
        assertThat(placed.statusCode()).isEqualTo(201);
        JsonNode order = json.readTree(placed.body());
        String id = order.get("id").asString();
        assertThat(placed.headers().firstValue("Location")).hasValueSatisfying(it -> assertThat(it).endsWith("/v1/orders/" + id));
        assertThat(order.get("status").asString()).isEqualTo("UNPAID");
        assertThat(order.get("total").asString()).isEqualTo("25.00");

        var paid = send("POST", "/v1/payment-notifications", null, """
                {"orderId":"%s","paymentReference":"pi_e2e_1","amount":"25.00","currency":"EUR"}""".formatted(id));
        assertThat(paid.statusCode()).isEqualTo(200);
        assertThat(json.readTree(paid.body()).get("result").asString()).isEqualTo("PAID");

        var again = send("POST", "/v1/payment-notifications", null, """
                {"orderId":"%s","paymentReference":"pi_e2e_1","amount":"25.00","currency":"EUR"}""".formatted(id));
        assertThat(json.readTree(again.body()).get("result").asString()).isEqualTo("ALREADY_PAID");

        var read = send("GET", "/v1/orders/" + id, customer, null);
        assertThat(json.readTree(read.body()).get("status").asString()).isEqualTo("PAID");

        var cancel = send("POST", "/v1/orders/" + id + "/cancellation", customer, null);
        assertThat(cancel.statusCode()).isEqualTo(409);
        assertThat(cancel.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(jdbc.queryForObject("select status from orders where id = ?::uuid", String.class, id)).isEqualTo("PAID");
    }

    @Test
    void an_order_read_after_its_deadline_is_cancelled_and_a_late_payment_is_refused() throws Exception {
        var placed = send("POST", "/v1/orders", customer, """
                {"currency":"EUR","items":[{"sku":"PEN-7","quantity":1,"unitPrice":"0.99"}],"paymentWindowMinutes":1}""");
        String id = json.readTree(placed.body()).get("id").asString();

        CLOCK.advance(Duration.ofMinutes(1));

        JsonNode read = json.readTree(send("GET", "/v1/orders/" + id, customer, null).body());
        assertThat(read.get("status").asString()).isEqualTo("CANCELLED");
        assertThat(read.get("cancellationReason").asString()).isEqualTo("PAYMENT_TIMEOUT");

        var late = send("POST", "/v1/payment-notifications", null, """
                {"orderId":"%s","paymentReference":"pi_late","amount":"0.99","currency":"EUR"}""".formatted(id));
        assertThat(late.statusCode()).isEqualTo(409);
        assertThat(json.readTree(late.body()).get("status").asInt()).isEqualTo(409);
        assertThat(jdbc.queryForObject("select cancellation_reason from orders where id = ?::uuid", String.class, id))
                .isEqualTo("PAYMENT_TIMEOUT");
    }

    @Test
    void a_customer_lists_only_their_own_orders_and_cannot_read_anyone_elses() throws Exception {
        var mine = json.readTree(send("POST", "/v1/orders", customer, """
                {"currency":"JPY","items":[{"sku":"TEA","quantity":3,"unitPrice":1200}]}""").body());
        send("POST", "/v1/orders", "someone-else", """
                {"currency":"JPY","items":[{"sku":"TEA","quantity":1,"unitPrice":1200}]}""");

        JsonNode list = json.readTree(send("GET", "/v1/orders?limit=10", customer, null).body());
        assertThat(list.get("orders")).hasSize(1);
        assertThat(list.get("orders").get(0).get("id").asString()).isEqualTo(mine.get("id").asString());
        assertThat(list.get("orders").get(0).get("total").asString()).isEqualTo("3600");

        assertThat(send("GET", "/v1/orders/" + mine.get("id").asString(), "someone-else", null).statusCode())
                .isEqualTo(404);
    }

    @Test
    void bad_input_gets_a_problem_detail_and_writes_nothing() throws Exception {
        int before = jdbc.queryForObject("select count(*) from orders", Integer.class);

        var zeroQuantity = send("POST", "/v1/orders", customer, """
                {"currency":"EUR","items":[{"sku":"BOOK-1","quantity":0,"unitPrice":"12.50"}]}""");
        var unknownCurrency = send("POST", "/v1/orders", customer, """
                {"currency":"XYZ","items":[{"sku":"BOOK-1","quantity":1,"unitPrice":"12.50"}]}""");
        var brokenJson = send("POST", "/v1/orders", customer, "{\"currency\":");
        var badId = send("GET", "/v1/orders/not-a-uuid", customer, null);

        for (var response : new HttpResponse<?>[] {zeroQuantity, unknownCurrency, brokenJson, badId}) {
            assertThat(response.statusCode()).isBetween(400, 499);
            assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        }
        assertThat(jdbc.queryForObject("select count(*) from orders", Integer.class)).isEqualTo(before);
    }

    @Test
    void the_openapi_document_is_served() throws Exception {
        var document = send("GET", "/v3/api-docs", null, null);

        assertThat(document.statusCode()).isEqualTo(200);
        assertThat(json.readTree(document.body()).get("paths").propertyNames())
                .contains("/v1/orders", "/v1/orders/{id}", "/v1/payment-notifications");
    }

    private HttpResponse<String> send(String method, String path, String customerId, String body)
            throws IOException, InterruptedException {
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json")
                .header("Accept", "application/json, application/problem+json");
        if (customerId != null) {
            request.header("X-Customer-Id", customerId);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
