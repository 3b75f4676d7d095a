package com.acme.orders.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.argumentSet;

import com.acme.orders.adapter.postgres.TestPostgres;
import com.acme.orders.adapter.redis.TestRedis;
import com.acme.orders.adapter.rest.http.RawHttp;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.json.JsonMapper;

/**
 * Broken and hostile requests against every endpoint of the whole service on a real PostgreSQL: each gets a 4xx
 * problem detail, never a 5xx, and no table gains or loses a row. Requests are sent with a valid token and signature
 * unless the attack is on those, so that what is tested is the input, not the authentication.
 */
@SpringBootTest(
        classes = OrderServiceApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "orders.security.jwt.secret=" + LocalCredentials.TOKEN_SECRET,
            "orders.payments.signing-secrets=" + LocalCredentials.PAYMENT_SECRET
        })
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostileInputEndToEndTest {

    private static final String[] TABLES = {"orders", "order_items", "idempotency_keys", "received_payments"};
    private static final String ITEM = "{\"sku\":\"BOOK-1\",\"quantity\":1,\"unitPrice\":\"5.00\"}";
    /** An order of the attacker's own, so that requests on it reach the use cases. */
    private static final String EXISTING = "{{existing}}";
    /** How many requests the generated corpus has: a few seconds against the whole service. */
    private static final int GENERATED = 400;

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        TestPostgres.addDataSourceProperties(registry);
        TestKafka.addProperties(registry);
        TestRedis.addRedisProperties(registry);
        // Spring keeps this context alive for the whole test JVM; its timeout worker would take the work of the
        // timeout tests, which start service instances of their own on the same Redis and database.
        registry.add("orders.timeouts.worker-enabled", () -> false);
    }

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    private final HttpClient http = HttpClient.newHttpClient();
    private final JsonMapper json = JsonMapper.builder().build();
    private final String customer = "mallory-" + UUID.randomUUID();
    private String existing;

    @BeforeAll
    void placeAnOrderOfTheirOwn() throws Exception {
        var placed = http.send(
                request("POST", "/v1/orders", order("EUR", ITEM), Auth.VALID, null),
                HttpResponse.BodyHandlers.ofString());
        assertThat(placed.statusCode()).isEqualTo(201);
        existing = json.readTree(placed.body()).get("id").asString();
    }

    enum Auth {
        VALID,
        NONE,
        EXPIRED,
        WRONG_KEY,
        GARBAGE,
        HOSTILE_SUBJECT
    }

    enum Signature {
        VALID,
        NONE,
        FORGED,
        STALE
    }

    static Stream<Arguments> hostileRequests() {
        var corpus = Stream.<Arguments>builder();
        // Authentication, on every customer endpoint.
        for (Auth auth : new Auth[] {Auth.NONE, Auth.EXPIRED, Auth.WRONG_KEY, Auth.GARBAGE, Auth.HOSTILE_SUBJECT}) {
            corpus.add(customerCall("place with " + auth, "POST", "/v1/orders", order("EUR", ITEM), auth));
            corpus.add(customerCall("list with " + auth, "GET", "/v1/orders", null, auth));
            corpus.add(customerCall("read with " + auth, "GET", "/v1/orders/" + EXISTING, null, auth));
            corpus.add(customerCall(
                    "cancel with " + auth, "POST", "/v1/orders/" + EXISTING + "/cancellation", null, auth));
        }
        // Operators' endpoints, with a customer's valid token.
        for (String endpoint : new String[] {"metrics", "prometheus", "info", "metrics/orders.timeout.lag", ""}) {
            corpus.add(customerCall(
                    "the operators' /actuator/" + endpoint + " with a customer's token",
                    "GET",
                    "/actuator/" + endpoint,
                    null,
                    Auth.VALID));
        }
        // Signatures, on the provider endpoint.
        for (Signature signature : new Signature[] {Signature.NONE, Signature.FORGED, Signature.STALE}) {
            corpus.add(notification(
                    "payment " + signature, payment("\"" + EXISTING + "\"", "\"pi_x\"", "\"5.00\""), signature));
        }
        // Broken JSON, wrong types, huge and negative numbers, unknown fields.
        Map<String, String> orders = new LinkedHashMap<>();
        orders.put("broken JSON", "{\"currency\":");
        orders.put("an array", "[" + ITEM + "]");
        orders.put("a string", "\"order\"");
        orders.put("a quantity as text", order("EUR", "{\"sku\":\"A\",\"quantity\":\"1\",\"unitPrice\":\"1\"}"));
        orders.put("a huge quantity", order("EUR", "{\"sku\":\"A\",\"quantity\":1e400,\"unitPrice\":\"1\"}"));
        orders.put("a negative quantity", order("EUR", "{\"sku\":\"A\",\"quantity\":-1,\"unitPrice\":\"1\"}"));
        orders.put("a negative price", order("EUR", "{\"sku\":\"A\",\"quantity\":1,\"unitPrice\":\"-0.01\"}"));
        orders.put(
                "a price of a thousand digits",
                order("EUR", "{\"sku\":\"A\",\"quantity\":1,\"unitPrice\":" + "9".repeat(1000) + "}"));
        orders.put("an unknown field", "{\"currency\":\"EUR\",\"items\":[" + ITEM + "],\"customerId\":\"victim\"}");
        orders.put(
                "a customer id in the body",
                "{\"customerId\":\"victim\",\"currency\":\"EUR\",\"items\":[" + ITEM + "]}");
        // Control, confusable, SQL and script characters where text is taken.
        orders.put("a NUL in a sku", order("EUR", sku("BOOK\\u00001")));
        orders.put("a newline in a sku", order("EUR", sku("BOOK\\n1")));
        orders.put("a Cyrillic look-alike sku", order("EUR", sku("ВООК-1")));
        orders.put("a Unicode hyphen in a sku", order("EUR", sku("BOOK‐1")));
        orders.put("a right-to-left override in a sku", order("EUR", sku("BOOK\\u202E1")));
        orders.put("SQL in a sku", order("EUR", sku("BOOK'; DROP TABLE orders;--")));
        orders.put("a script in a sku", order("EUR", sku("<script>alert(1)</script>")));
        orders.put("SQL in the currency", order("EUR' OR '1'='1", ITEM));
        orders.forEach((name, body) -> corpus.add(customerCall(name, "POST", "/v1/orders", body, Auth.VALID)));
        // Invalid ids and parameters.
        corpus.add(customerCall("a SQL id", "GET", "/v1/orders/1%27%20OR%20%271%27=%271", null, Auth.VALID));
        corpus.add(customerCall(
                "a cancel of a script id", "POST", "/v1/orders/%3Cscript%3E/cancellation", null, Auth.VALID));
        corpus.add(customerCall("a huge limit", "GET", "/v1/orders?limit=99999999999999999999", null, Auth.VALID));
        corpus.add(customerCall("a negative limit", "GET", "/v1/orders?limit=-1", null, Auth.VALID));
        corpus.add(customerCall("SQL in the status", "GET", "/v1/orders?status=PAID%27--", null, Auth.VALID));
        corpus.add(argumentSet(
                "an idempotency key with spaces",
                "POST",
                "/v1/orders",
                order("EUR", ITEM),
                Auth.VALID,
                Signature.NONE,
                "a key with spaces"));
        corpus.add(argumentSet(
                "an idempotency key too long",
                "POST",
                "/v1/orders",
                order("EUR", ITEM),
                Auth.VALID,
                Signature.NONE,
                "k".repeat(256)));
        // Hostile payment notifications, correctly signed.
        corpus.add(notification(
                "a payment with SQL in its reference",
                payment("\"" + EXISTING + "\"", "\"pi'; DELETE FROM orders;--\"", "\"5.00\""),
                Signature.VALID));
        corpus.add(notification(
                "a payment with a negative amount",
                payment("\"" + EXISTING + "\"", "\"pi_neg\"", "\"-5.00\""),
                Signature.VALID));
        corpus.add(notification(
                "a payment with a huge amount",
                payment("\"" + EXISTING + "\"", "\"pi_huge\"", "1e400"),
                Signature.VALID));
        corpus.add(notification(
                "a payment for an id that is not a UUID",
                payment("\"1 OR 1=1\"", "\"pi_x\"", "\"5.00\""),
                Signature.VALID));
        corpus.add(notification(
                "a payment with an unknown field",
                "{\"orderId\":\"" + EXISTING + "\",\"paymentReference\":\"pi_x\",\"amount\":\"5.00\","
                        + "\"currency\":\"EUR\",\"status\":\"PAID\"}",
                Signature.VALID));
        corpus.add(notification("a payment as broken JSON", "{\"orderId\":", Signature.VALID));
        return corpus.build();
    }

    @ParameterizedTest
    @MethodSource("hostileRequests")
    void a_hostile_request_gets_a_4xx_problem_detail_and_writes_nothing(
            String method, String path, String body, Auth auth, Signature signature, String idempotencyKey)
            throws Exception {
        var before = rowCounts();
        String realPath = path.replace(EXISTING, existing);
        String realBody = body == null ? null : body.replace(EXISTING, existing);
        HttpRequest request = path.startsWith("/v1/payment-notifications")
                ? signed(realBody, signature)
                : request(method, realPath, realBody, auth, idempotencyKey);

        var response = http.send(request, HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).as(response.body()).isBetween(400, 499);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(json.readTree(response.body()).get("status").asInt()).isEqualTo(response.statusCode());
        assertThat(rowCounts()).isEqualTo(before);
        assertThat(jdbc.queryForObject("select status from orders where id = ?::uuid", String.class, existing))
                .isEqualTo("UNPAID");
    }

    /** Made after the attacker's own order exists, which the generated requests aim at. */
    Stream<Arguments> generatedRequests() {
        return HostileRequests.sample(existing, GENERATED).stream()
                .map(request -> argumentSet(request.description(), request));
    }

    @ParameterizedTest
    @MethodSource("generatedRequests")
    void a_generated_hostile_request_gets_a_4xx_problem_detail_and_writes_nothing(
            HostileRequests.HostileRequest request) throws Exception {
        var before = rowCounts();
        var headers = new ArrayList<>(request.headers());
        Instant now = Instant.now();
        if (request.signed()) {
            headers.add("Payment-Signature: " + LocalCredentials.paymentSignature(request.body(), now));
        } else {
            headers.add("Authorization: " + LocalCredentials.bearer(customer, now));
        }

        var answer =
                RawHttp.exchange(port, RawHttp.request(request.method(), request.target(), headers, request.body()));

        assertThat(answer.status()).as(answer.body()).isBetween(400, 499);
        assertThat(answer.contentType()).as(answer.body()).startsWith("application/problem+json");
        assertThat(json.readTree(answer.body()).get("status").asInt()).isEqualTo(answer.status());
        assertThat(rowCounts()).isEqualTo(before);
        assertThat(jdbc.queryForObject("select status from orders where id = ?::uuid", String.class, existing))
                .isEqualTo("UNPAID");
    }

    private Map<String, Integer> rowCounts() {
        var counts = new LinkedHashMap<String, Integer>();
        for (String table : TABLES) {
            counts.put(table, jdbc.queryForObject("select count(*) from " + table, Integer.class));
        }
        return counts;
    }

    private HttpRequest request(String method, String path, String body, Auth auth, String idempotencyKey) {
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json");
        Instant now = Instant.now();
        switch (auth) {
            case VALID -> request.header("Authorization", LocalCredentials.bearer(customer, now));
            case NONE -> {}
            case EXPIRED ->
                request.header("Authorization", LocalCredentials.bearer(customer, now.minusSeconds(2 * 3600)));
            case WRONG_KEY ->
                request.header(
                        "Authorization",
                        LocalCredentials.bearer(customer, now, "somebody-elses-signing-key-0123456789"));
            case GARBAGE -> request.header("Authorization", "Bearer ' OR 1=1 --");
            case HOSTILE_SUBJECT -> request.header("Authorization", LocalCredentials.bearer("victim\u0000", now));
        }
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        return request.build();
    }

    private HttpRequest signed(String body, Signature signature) throws Exception {
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/v1/payment-notifications"))
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json");
        switch (signature) {
            case VALID -> request.header("Payment-Signature", LocalCredentials.paymentSignature(body, Instant.now()));
            case NONE -> {}
            case FORGED ->
                request.header("Payment-Signature", LocalCredentials.paymentSignature(body + " ", Instant.now()));
            case STALE ->
                request.header(
                        "Payment-Signature",
                        LocalCredentials.paymentSignature(body, Instant.now().minusSeconds(301)));
        }
        return request.build();
    }

    private static Arguments customerCall(String name, String method, String path, String body, Auth auth) {
        return argumentSet(name, method, path, body, auth, Signature.NONE, null);
    }

    private static Arguments notification(String name, String body, Signature signature) {
        return argumentSet(name, "POST", "/v1/payment-notifications", body, Auth.NONE, signature, null);
    }

    private static String payment(String orderId, String reference, String amount) {
        return "{\"orderId\":" + orderId + ",\"paymentReference\":" + reference + ",\"amount\":" + amount
                + ",\"currency\":\"EUR\"}";
    }

    private static String order(String currency, String items) {
        return "{\"currency\":\"" + currency + "\",\"items\":[" + items + "]}";
    }

    private static String sku(String sku) {
        return "{\"sku\":\"" + sku.replace("\"", "\\\"") + "\",\"quantity\":1,\"unitPrice\":\"1.00\"}";
    }
}
