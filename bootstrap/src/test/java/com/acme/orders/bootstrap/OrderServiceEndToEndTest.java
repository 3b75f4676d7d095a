package com.acme.orders.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.acme.orders.adapter.postgres.TestPostgres;
import com.acme.orders.adapter.redis.TestRedis;
import com.acme.orders.application.fakes.MovableClock;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
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
@SpringBootTest(
        classes = OrderServiceApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "orders.security.jwt.secret=" + LocalCredentials.TOKEN_SECRET,
            "orders.payments.signing-secrets=" + LocalCredentials.PAYMENT_SECRET
        })
@Import(OrderServiceEndToEndTest.MovableTime.class)
class OrderServiceEndToEndTest {

    /** At microseconds, as the service's own clock ticks: what PostgreSQL keeps of a time is what was answered. */
    private static final MovableClock CLOCK = new MovableClock(Instant.now().truncatedTo(ChronoUnit.MICROS));

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
        TestKafka.addProperties(registry);
        TestRedis.addRedisProperties(registry);
        // Spring keeps this context alive for the whole test JVM; its timeout worker would take the work of the
        // timeout tests, which start service instances of their own on the same Redis and database.
        registry.add("orders.timeouts.worker-enabled", () -> false);
        // Time moves by CLOCK here; PostgreSQL's clock cannot follow it, so deadlines go by CLOCK alone (ADR 0014).
        registry.add("orders.clock.check-database", () -> false);
    }

    private final HttpClient http = HttpClient.newHttpClient();
    private final JsonMapper json = JsonMapper.builder().build();
    private final String customer = "customer-" + UUID.randomUUID();

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    MeterRegistry meters;

    @Test
    void a_customer_places_an_order_and_the_payment_provider_settles_it() throws Exception {
        var placed = send("POST", "/v1/orders", customer, """
                {"currency":"EUR","items":[{"sku":"BOOK-1","quantity":2,"unitPrice":"12.50"}]}""");
        assertThat(placed.statusCode()).isEqualTo(201);
        JsonNode order = json.readTree(placed.body());
        String id = order.get("id").asString();
        assertThat(placed.headers().firstValue("Location"))
                .hasValueSatisfying(it -> assertThat(it).endsWith("/v1/orders/" + id));
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
        assertThat(jdbc.queryForObject("select status from orders where id = ?::uuid", String.class, id))
                .isEqualTo("PAID");
    }

    @Test
    void an_order_read_after_its_deadline_is_cancelled_and_a_late_payment_is_refunded_once() throws Exception {
        var placed = send("POST", "/v1/orders", customer, """
                {"currency":"EUR","items":[{"sku":"PEN-7","quantity":1,"unitPrice":"0.99"}],"paymentWindowMinutes":1}""");
        String id = json.readTree(placed.body()).get("id").asString();

        CLOCK.advance(Duration.ofMinutes(1));

        JsonNode read =
                json.readTree(send("GET", "/v1/orders/" + id, customer, null).body());
        assertThat(read.get("status").asString()).isEqualTo("CANCELLED");
        assertThat(read.get("cancellationReason").asString()).isEqualTo("PAYMENT_TIMEOUT");

        String latePayment = """
                {"orderId":"%s","paymentReference":"pi_late_%s","amount":"0.99","currency":"EUR"}""".formatted(id, id);
        for (int delivery = 0; delivery < 3; delivery++) {
            var late = send("POST", "/v1/payment-notifications", null, latePayment);
            assertThat(late.statusCode()).isEqualTo(200);
            assertThat(json.readTree(late.body()).get("result").asString()).isEqualTo("REFUND_REQUESTED");
            assertThat(json.readTree(late.body()).get("status").asString()).isEqualTo("CANCELLED");
        }
        assertThat(jdbc.queryForList(
                        "select outcome from received_payments where order_id = ?::uuid", String.class, id))
                .containsExactly("REFUND_REQUESTED");
        assertThat(jdbc.queryForObject("select cancellation_reason from orders where id = ?::uuid", String.class, id))
                .isEqualTo("PAYMENT_TIMEOUT");
    }

    @Test
    void a_customer_lists_only_their_own_orders_and_cannot_read_anyone_elses() throws Exception {
        var mine = json.readTree(send("POST", "/v1/orders", customer, """
                {"currency":"JPY","items":[{"sku":"TEA","quantity":3,"unitPrice":1200}]}""").body());
        send("POST", "/v1/orders", "someone-else", """
                {"currency":"JPY","items":[{"sku":"TEA","quantity":1,"unitPrice":1200}]}""");

        JsonNode list =
                json.readTree(send("GET", "/v1/orders?limit=10", customer, null).body());
        assertThat(list.get("orders")).hasSize(1);
        assertThat(list.get("orders").get(0).get("id").asString())
                .isEqualTo(mine.get("id").asString());
        assertThat(list.get("orders").get(0).get("total").asString()).isEqualTo("3600");

        assertThat(send("GET", "/v1/orders/" + mine.get("id").asString(), "someone-else", null)
                        .statusCode())
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
        assertThat(jdbc.queryForObject("select count(*) from orders", Integer.class))
                .isEqualTo(before);
    }

    @Test
    void without_a_valid_token_or_signature_every_endpoint_answers_401_and_nothing_is_written() throws Exception {
        var mine = json.readTree(send("POST", "/v1/orders", customer, """
                {"currency":"EUR","items":[{"sku":"BOOK-1","quantity":1,"unitPrice":"5.00"}]}""").body());
        String id = mine.get("id").asString();
        int before = jdbc.queryForObject("select count(*) from orders", Integer.class);
        String payment = """
                {"orderId":"%s","paymentReference":"pi_forged","amount":"5.00","currency":"EUR"}""".formatted(id);
        String forgedSignature = LocalCredentials.paymentSignature(payment.replace("5.00", "0.01"), CLOCK.instant());
        String staleSignature =
                LocalCredentials.paymentSignature(payment, CLOCK.instant().minus(Duration.ofMinutes(6)));

        var responses = new HttpResponse<?>[] {
            unauthenticated("POST", "/v1/orders", "{\"currency\":\"EUR\",\"items\":[]}", null),
            unauthenticated("GET", "/v1/orders", null, null),
            unauthenticated("GET", "/v1/orders/" + id, null, "Bearer " + "x".repeat(40)),
            unauthenticated("POST", "/v1/orders/" + id + "/cancellation", null, null),
            signedAs(payment, null),
            signedAs(payment, forgedSignature),
            signedAs(payment, staleSignature)
        };

        for (var response : responses) {
            assertThat(response.statusCode()).isEqualTo(401);
            assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            assertThat(response.headers().firstValue("WWW-Authenticate")).isPresent();
        }
        assertThat(jdbc.queryForObject("select count(*) from orders", Integer.class))
                .isEqualTo(before);
        assertThat(jdbc.queryForObject("select status from orders where id = ?::uuid", String.class, id))
                .isEqualTo("UNPAID");
    }

    @Test
    void eight_concurrent_requests_with_one_idempotency_key_create_one_order() throws Exception {
        String key = "e2e-" + UUID.randomUUID();
        String body = """
                {"currency":"EUR","items":[{"sku":"BOOK-1","quantity":2,"unitPrice":"12.50"}]}""";
        var barrier = new java.util.concurrent.CyclicBarrier(8);
        var answers = new java.util.ArrayList<java.util.concurrent.Future<HttpResponse<String>>>();
        try (var pool = java.util.concurrent.Executors.newFixedThreadPool(8)) {
            for (int i = 0; i < 8; i++) {
                answers.add(pool.submit(() -> {
                    barrier.await();
                    return sendWithKey(body, key);
                }));
            }
        }
        var ids = new java.util.HashSet<String>();
        for (var answer : answers) {
            var response = answer.get();
            assertThat(response.statusCode()).isEqualTo(201);
            ids.add(json.readTree(response.body()).get("id").asString());
        }
        assertThat(ids).hasSize(1);
        assertThat(jdbc.queryForObject("select count(*) from orders where customer_id = ?", Integer.class, customer))
                .isEqualTo(1);
        assertThat(jdbc.queryForObject(
                        "select count(*) from idempotency_keys where customer_id = ?", Integer.class, customer))
                .isEqualTo(1);
    }

    @Test
    void a_retry_after_the_order_was_paid_and_a_second_payment_refunded_gets_the_first_answer_byte_for_byte()
            throws Exception {
        String body = """
                {"currency":"EUR","items":[{"sku":"BOOK-1","quantity":3,"unitPrice":"1.10"}]}""";
        String key = "e2e-first-answer-" + UUID.randomUUID();
        var first = sendWithKey(body, key);
        String id = json.readTree(first.body()).get("id").asString();
        for (String reference : List.of("pi_first_" + id, "pi_second_" + id)) {
            var paid = send("POST", "/v1/payment-notifications", null, """
                    {"orderId":"%s","paymentReference":"%s","amount":"3.30","currency":"EUR"}""".formatted(id, reference));
            assertThat(paid.statusCode()).isEqualTo(200);
        }

        var retry = sendWithKey(body, key);

        assertThat(jdbc.queryForObject("select status from orders where id = ?::uuid", String.class, id))
                .isEqualTo("PAID");
        assertThat(retry.statusCode()).isEqualTo(201);
        assertThat(retry.headers().firstValue("Idempotent-Replayed")).hasValue("true");
        assertThat(retry.body()).isEqualTo(first.body());
        assertThat(retry.headers().firstValue("Location"))
                .isEqualTo(first.headers().firstValue("Location"));
        assertThat(jdbc.queryForObject(
                        "select outcome from received_payments where payment_reference = ?",
                        String.class,
                        "pi_second_" + id))
                .as("the second payment is owed back")
                .isEqualTo("REFUND_REQUESTED");
        assertThat(counter("orders.payments.refunds.requested", "reason", "duplicate_payment"))
                .isPositive();
    }

    @Test
    void a_payment_in_progress_holds_the_order_past_its_deadline_and_operators_see_what_holds_did() throws Exception {
        double started = counter("orders.payments.holds.started");
        double prevented = counter("orders.payments.cancellations.prevented");
        double failed = counter("orders.payments.holds.ended", "outcome", "failed");
        String paid = placeOrderOf("2.50");
        String declined = placeOrderOf("2.50");
        for (String id : List.of(paid, declined)) {
            var inProgress = send("POST", "/v1/payment-notifications", null, """
                    {"orderId":"%s","paymentReference":"pi_hold_%s","amount":"2.50","currency":"EUR","step":"IN_PROGRESS"}""".formatted(id, id));
            assertThat(json.readTree(inProgress.body()).get("result").asString())
                    .isEqualTo("PAYMENT_IN_PROGRESS");
        }
        CLOCK.advance(Duration.ofMinutes(31));

        var succeeded = send("POST", "/v1/payment-notifications", null, """
                {"orderId":"%s","paymentReference":"pi_hold_%s","amount":"2.50","currency":"EUR","step":"SUCCEEDED"}""".formatted(paid, paid));
        var failure = send("POST", "/v1/payment-notifications", null, """
                {"orderId":"%s","paymentReference":"pi_hold_%s","amount":"2.50","currency":"EUR","step":"FAILED"}""".formatted(declined, declined));

        assertThat(json.readTree(succeeded.body()).get("result").asString()).isEqualTo("PAID");
        assertThat(json.readTree(failure.body()).get("status").asString()).isEqualTo("CANCELLED");
        assertThat(counter("orders.payments.holds.started")).isEqualTo(started + 2);
        assertThat(counter("orders.payments.cancellations.prevented")).isEqualTo(prevented + 1);
        assertThat(counter("orders.payments.holds.ended", "outcome", "failed")).isEqualTo(failed + 1);
    }

    private String placeOrderOf(String price) throws Exception {
        var placed = send("POST", "/v1/orders", customer, """
                {"currency":"EUR","items":[{"sku":"PEN-1","quantity":1,"unitPrice":"%s"}]}""".formatted(price));
        assertThat(placed.statusCode()).isEqualTo(201);
        return json.readTree(placed.body()).get("id").asString();
    }

    private double counter(String name, String... tags) {
        var counter = meters.find(name).tags(tags).counter();
        return counter == null ? 0 : counter.count();
    }

    @Test
    void the_openapi_document_is_served() throws Exception {
        var document = send("GET", "/v3/api-docs", null, null);

        assertThat(document.statusCode()).isEqualTo(200);
        assertThat(json.readTree(document.body()).get("paths").propertyNames())
                .contains("/v1/orders", "/v1/orders/{id}", "/v1/payment-notifications");
    }

    private HttpResponse<String> unauthenticated(String method, String path, String body, String authorization)
            throws Exception {
        return JsonOverHttp.send(http, port, method, path, authorization, body);
    }

    private HttpResponse<String> signedAs(String body, String signature) throws Exception {
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/v1/payment-notifications"))
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json");
        if (signature != null) {
            request.header("Payment-Signature", signature);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void the_placed_event_carries_the_trace_of_the_request_that_placed_the_order() throws Exception {
        String traceId = UUID.randomUUID().toString().replace("-", "");
        String callersSpan = "00f067aa0ba902b7";

        String id = placeWithTraceparent("00-" + traceId + "-" + callersSpan + "-01");

        // The same trace, continued by the service's own span: a consumer that continues this header joins the
        // caller's trace.
        assertThat(placedEventOf(id).headers().get("ce_traceparent"))
                .matches("00-" + traceId + "-[0-9a-f]{16}-[0-9a-f]{2}")
                .doesNotContain(callersSpan);
    }

    @Test
    void a_malformed_traceparent_is_ignored_and_the_order_starts_a_trace_of_its_own() throws Exception {
        String id = placeWithTraceparent("00-not-a-trace-01");

        assertThat(placedEventOf(id).headers().get("ce_traceparent"))
                .matches("00-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}");
    }

    private String placeWithTraceparent(String traceparent) throws Exception {
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/v1/orders"))
                .POST(HttpRequest.BodyPublishers.ofString("""
                        {"currency":"EUR","items":[{"sku":"MAP-3","quantity":1,"unitPrice":"4.00"}]}"""))
                .header("Content-Type", "application/json")
                .header("Authorization", LocalCredentials.bearer(customer, CLOCK.instant()))
                .header("traceparent", traceparent)
                .build();
        var placed = http.send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(placed.statusCode()).isEqualTo(201);
        return json.readTree(placed.body()).get("id").asString();
    }

    private static TopicReader.Received placedEventOf(String orderId) {
        var received = TopicReader.readUntil(
                events -> events.stream().anyMatch(it -> isPlacedEventOf(orderId, it)), Duration.ofSeconds(30));
        return received.stream()
                .filter(it -> isPlacedEventOf(orderId, it))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no placed event of " + orderId + " on the topic"));
    }

    private static boolean isPlacedEventOf(String orderId, TopicReader.Received event) {
        return orderId.equals(event.key()) && OrderEvents.PLACED.equals(event.type());
    }

    private HttpResponse<String> sendWithKey(String body, String key) throws Exception {
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/v1/orders"))
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json")
                .header("Authorization", LocalCredentials.bearer(customer, CLOCK.instant()))
                .header("Idempotency-Key", key)
                .build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    /** As a customer with a valid token, or, without a customer, as the payment provider signing its body. */
    private HttpResponse<String> send(String method, String path, String customerId, String body) throws Exception {
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json")
                .header("Accept", "application/json, application/problem+json");
        if (customerId != null) {
            request.header("Authorization", LocalCredentials.bearer(customerId, CLOCK.instant()));
        } else if (path.startsWith("/v1/payment-notifications")) {
            request.header("Payment-Signature", LocalCredentials.paymentSignature(body, CLOCK.instant()));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
