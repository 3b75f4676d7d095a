package com.acme.orders.adapter.rest.problem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.argumentSet;

import com.acme.orders.adapter.rest.security.PaymentSignature;
import com.acme.orders.adapter.rest.security.TestCredentials;
import com.acme.orders.application.fakes.OrderServiceFixture;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.json.JsonMapper;

/**
 * Requests that must never become an order, sent byte for byte as a careless or hostile client would send them: over a
 * real socket, because some of them (a chunked body, a declared length above the limit) only exist there. Each gets a
 * 4xx problem detail, and no order is stored. This context runs with a 16 KiB body limit (a setting, not the default)
 * and no test in it places an order, so its repository must stay empty.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "orders.http.max-body-size=16KB")
class BadInputTest {

    private static final String CUSTOMER = "mallory";
    private static final String ITEM = """
            {"sku":"BOOK-1","quantity":2,"unitPrice":"12.50"}""";
    private static final String LIMIT_EXCEEDING_ORDER = order("EUR", items(400));

    @LocalServerPort
    int port;

    @Autowired
    OrderServiceFixture service;

    private final HttpClient http =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final JsonMapper json = JsonMapper.builder().build();

    static Stream<Arguments> badRequests() {
        return Stream.of(
                // JSON that is not JSON, or not the JSON of an order
                bad("broken JSON", placeOrder("{\"currency\":"), 400),
                bad("not JSON at all", placeOrder("currency=EUR"), 400),
                bad("JSON followed by garbage", placeOrder(order("EUR", ITEM) + " {}"), 400),
                bad("an empty body", placeOrder(""), 400),
                bad("an array instead of an object", placeOrder("[" + ITEM + "]"), 400),
                bad(
                        "a body that is not declared as JSON",
                        placeOrder(order("EUR", ITEM)).as("text/plain"),
                        415),
                // missing, null and unknown fields
                bad("no currency", placeOrder("{\"items\":[" + ITEM + "]}"), 400),
                bad("no items", placeOrder("{\"currency\":\"EUR\"}"), 400),
                bad("no sku", placeOrder(order("EUR", "{\"quantity\":1,\"unitPrice\":\"1.00\"}")), 400),
                bad("no quantity", placeOrder(order("EUR", "{\"sku\":\"A\",\"unitPrice\":\"1.00\"}")), 400),
                bad("no unit price", placeOrder(order("EUR", "{\"sku\":\"A\",\"quantity\":1}")), 400),
                bad("a null quantity", placeOrder(order("EUR", item("A", "null", "\"1.00\""))), 400),
                bad("a null item", placeOrder(order("EUR", "null")), 400),
                bad("an unknown field", placeOrder(twoBooksWith("\"colour\":\"red\"")), 400),
                bad(
                        "an unknown field in an item",
                        placeOrder(order(
                                "EUR", "{\"sku\":\"A\",\"quantity\":1,\"unitPrice\":\"1.00\",\"discount\":\"1.00\"}")),
                        400),
                // quantities
                bad("a zero quantity", placeOrder(order("EUR", item("A", "0", "\"1.00\""))), 400),
                bad("a negative quantity", placeOrder(order("EUR", item("A", "-3", "\"1.00\""))), 400),
                bad("a quantity above the maximum", placeOrder(order("EUR", item("A", "1001", "\"1.00\""))), 400),
                bad("a fractional quantity", placeOrder(order("EUR", item("A", "2.5", "\"1.00\""))), 400),
                bad("a quantity as text", placeOrder(order("EUR", item("A", "\"2\"", "\"1.00\""))), 400),
                bad(
                        "a quantity beyond any integer",
                        placeOrder(order("EUR", item("A", "99999999999999999999", "\"1.00\""))),
                        400),
                // currencies
                bad("an unknown currency", placeOrder(order("XYZ", ITEM)), 422),
                bad("a lower-case currency", placeOrder(order("eur", ITEM)), 400),
                bad("a currency that is not money", placeOrder(order("XAU", ITEM)), 422),
                bad("a currency as a number", placeOrder("{\"currency\":978,\"items\":[" + ITEM + "]}"), 400),
                // amounts
                bad("an absurd amount as a number", placeOrder(order("EUR", price("9999999999999.99"))), 422),
                bad("an absurd amount as text", placeOrder(order("EUR", price("\"9999999999999.99\""))), 422),
                bad("a total above the limit", placeOrder(order("EUR", item("A", "1000", "\"999999999999.99\""))), 422),
                bad("more decimals than the currency has", placeOrder(order("EUR", price("\"1.234\""))), 422),
                bad("decimals in a currency without them", placeOrder(order("JPY", price("\"1.5\""))), 422),
                bad("a negative price", placeOrder(order("EUR", price("\"-1.00\""))), 422),
                bad("a price that is not a number", placeOrder(order("EUR", price("\"twelve\""))), 400),
                bad("a price as a boolean", placeOrder(order("EUR", price("true"))), 400),
                bad("a price with a huge exponent", placeOrder(order("EUR", price("1e999999999"))), 400),
                bad(
                        "a price with an exponent beyond any decimal",
                        placeOrder(order("EUR", price("\"1e9999999999\""))),
                        400),
                bad("a price with thousands of digits", placeOrder(order("EUR", price("9".repeat(5000)))), 400),
                bad("an order that costs nothing", placeOrder(order("EUR", price("\"0.00\""))), 422),
                // items and skus
                bad("no items at all", placeOrder(order("EUR", "")), 400),
                bad("more items than an order may have", placeOrder(order("EUR", items(101))), 400),
                bad("items that are not a list", placeOrder("{\"currency\":\"EUR\",\"items\":" + ITEM + "}"), 400),
                bad("a blank sku", placeOrder(order("EUR", item(" ", "1", "\"1.00\""))), 400),
                bad(
                        "a sku longer than 64 characters",
                        placeOrder(order("EUR", item("A".repeat(65), "1", "\"1.00\""))),
                        400),
                bad(
                        "a sku with characters a sku never has",
                        placeOrder(order("EUR", item("BOOK 1", "1", "\"1.00\""))),
                        422),
                bad(
                        "a sku as a number",
                        placeOrder(order("EUR", "{\"sku\":42,\"quantity\":1,\"unitPrice\":\"1.00\"}")),
                        400),
                // payment windows
                bad("a zero payment window", placeOrder(twoBooksWith("\"paymentWindowMinutes\":0")), 400),
                bad("a negative payment window", placeOrder(twoBooksWith("\"paymentWindowMinutes\":-5")), 400),
                bad(
                        "a payment window longer than allowed",
                        placeOrder(twoBooksWith("\"paymentWindowMinutes\":100000")),
                        422),
                // oversized bodies
                bad("a declared length above the limit", placeOrder(LIMIT_EXCEEDING_ORDER), 413),
                bad(
                        "a chunked body above the limit",
                        placeOrder(LIMIT_EXCEEDING_ORDER).sentChunked(),
                        413),
                // paths, parameters, methods, identity
                bad("an order id that is not a UUID", get("/v1/orders/not-a-uuid"), 400),
                bad("a cancellation of an order id that is not a UUID", post("/v1/orders/42/cancellation"), 400),
                bad("a page of zero orders", get("/v1/orders?limit=0"), 400),
                bad("a page above the maximum size", get("/v1/orders?limit=101"), 400),
                bad("a page size that is not a number", get("/v1/orders?limit=ten"), 400),
                bad("an unknown status", get("/v1/orders?status=unpaid"), 400),
                bad("a damaged cursor", get("/v1/orders?cursor=%25%25%25"), 400),
                bad("a cursor of the right encoding and wrong content", get("/v1/orders?cursor=aGVsbG8"), 400),
                bad(
                        "a method the path does not have",
                        new BadRequest("DELETE", "/v1/orders", null, null, false, true),
                        405),
                bad(
                        "an order request without a customer",
                        placeOrder(order("EUR", ITEM)).anonymous(),
                        401),
                // payment notifications
                bad(
                        "a payment for an order id that is not a UUID",
                        payment("\"not-a-uuid\"", "\"pi_1\"", "\"25.00\"", "\"EUR\""),
                        400),
                bad("a payment for a numeric order id", payment("42", "\"pi_1\"", "\"25.00\"", "\"EUR\""), 400),
                bad("a payment without a reference", payment(uuid(), "null", "\"25.00\"", "\"EUR\""), 400),
                bad(
                        "a payment reference longer than allowed",
                        payment(uuid(), "\"" + "p".repeat(129) + "\"", "\"25.00\"", "\"EUR\""),
                        400),
                bad("a payment reference with spaces", payment(uuid(), "\"pi 1\"", "\"25.00\"", "\"EUR\""), 422),
                bad("a payment amount that is not a number", payment(uuid(), "\"pi_1\"", "\"lots\"", "\"EUR\""), 400),
                bad("an absurd payment amount", payment(uuid(), "\"pi_1\"", "9999999999999", "\"EUR\""), 422),
                bad("a payment in too many decimals", payment(uuid(), "\"pi_1\"", "\"25.001\"", "\"EUR\""), 422),
                bad("a payment in an unknown currency", payment(uuid(), "\"pi_1\"", "\"25.00\"", "\"XYZ\""), 422),
                bad("a payment with an unknown field", notification("""
                        {"orderId":"%s","paymentReference":"pi_1","amount":"25.00","currency":"EUR","signature":"x"}""".formatted(UUID.randomUUID())), 400),
                bad(
                        "a chunked payment notification above the limit",
                        notification(LIMIT_EXCEEDING_ORDER).sentChunked(),
                        413),
                // one reading of every body: keys given twice
                bad(
                        "a currency given twice",
                        placeOrder("{\"currency\":\"EUR\",\"currency\":\"USD\",\"items\":[" + ITEM + "]}"),
                        400),
                bad(
                        "a quantity given twice",
                        placeOrder(order(
                                "EUR", "{\"sku\":\"A\",\"quantity\":1,\"quantity\":1000,\"unitPrice\":\"1.00\"}")),
                        400),
                bad(
                        "a payment naming two orders",
                        notification("{\"orderId\":" + uuid() + ",\"orderId\":" + uuid()
                                + ",\"paymentReference\":\"pi_1\",\"amount\":\"25.00\",\"currency\":\"EUR\"}"),
                        400),
                // amounts only as plain decimals
                bad("a price with an exponent", placeOrder(order("EUR", price("1e2"))), 400),
                bad("a price as text with an exponent", placeOrder(order("EUR", price("\"1E2\""))), 400),
                bad("a price padded with spaces", placeOrder(order("EUR", price("\" 12.50 \""))), 400),
                bad("a price with a plus sign", placeOrder(order("EUR", price("\"+12.50\""))), 400),
                bad("a price with leading zeros", placeOrder(order("EUR", price("\"012.50\""))), 400),
                bad("a price without digits before its point", placeOrder(order("EUR", price("\".50\""))), 400),
                bad("a price in hexadecimal", placeOrder(order("EUR", price("\"0x10\""))), 400),
                bad("a price that is not a number", placeOrder(order("EUR", price("\"NaN\""))), 400),
                bad("a payment amount with an exponent", payment(uuid(), "\"pi_1\"", "2.5e1", "\"EUR\""), 400),
                // UTF-8 only, and no encoding the service does not decode
                bad(
                        "a body with a byte-order mark",
                        placeOrder(order("EUR", ITEM)).encoded(Encoding.UTF_8_WITH_BOM),
                        400),
                bad("a body in UTF-16", placeOrder(order("EUR", ITEM)).encoded(Encoding.UTF_16), 400),
                bad(
                        "a body in UTF-16 with a byte-order mark",
                        placeOrder(order("EUR", ITEM)).encoded(Encoding.UTF_16_WITH_BOM),
                        400),
                bad(
                        "a payment notification with a byte-order mark",
                        notification(payment(uuid(), "\"pi_1\"", "\"25.00\"", "\"EUR\"")
                                        .body())
                                .encoded(Encoding.UTF_8_WITH_BOM),
                        400),
                bad(
                        "a plain body declared as gzip",
                        placeOrder(order("EUR", ITEM)).with("Content-Encoding", "gzip"),
                        415),
                bad(
                        "a body in an encoding the service does not know",
                        placeOrder(order("EUR", ITEM)).with("Content-Encoding", "br, gzip"),
                        415),
                bad(
                        "a body declared in another charset",
                        placeOrder(order("EUR", ITEM)).as("application/json; charset=ISO-8859-1"),
                        415),
                bad(
                        "a payment notification declared in another charset",
                        notification(payment(uuid(), "\"pi_1\"", "\"25.00\"", "\"EUR\"")
                                        .body())
                                .as("application/json; charset=UTF-16"),
                        415));
    }

    /** Every field at fault is named by its JSON path, however deep it sits. */
    static Stream<Arguments> fieldsAtFault() {
        return Stream.of(
                argumentSet(
                        "a zero quantity",
                        placeOrder(order("EUR", ITEM, item("A", "0", "\"1.00\""))),
                        "items[1].quantity"),
                argumentSet(
                        "a quantity above the maximum",
                        placeOrder(order("EUR", item("A", "1001", "\"1.00\""))),
                        "items[0].quantity"),
                argumentSet(
                        "a quantity as text",
                        placeOrder(order("EUR", item("A", "\"2\"", "\"1.00\""))),
                        "items[0].quantity"),
                argumentSet(
                        "a blank sku",
                        placeOrder(order("EUR", ITEM, ITEM, item(" ", "1", "\"1.00\""))),
                        "items[2].sku"),
                argumentSet(
                        "a missing unit price",
                        placeOrder(order("EUR", "{\"sku\":\"A\",\"quantity\":1}")),
                        "items[0].unitPrice"),
                argumentSet("a price with an exponent", placeOrder(order("EUR", price("1e2"))), "items[0].unitPrice"),
                argumentSet(
                        "an unknown field in an item",
                        placeOrder(
                                order("EUR", "{\"sku\":\"A\",\"quantity\":1,\"unitPrice\":\"1.00\",\"discount\":1}")),
                        "items[0].discount"),
                argumentSet(
                        "a quantity given twice",
                        placeOrder(order(
                                "EUR", ITEM, "{\"sku\":\"A\",\"quantity\":1,\"quantity\":9,\"unitPrice\":\"1.00\"}")),
                        "items[1].quantity"),
                argumentSet(
                        "a currency given twice",
                        placeOrder("{\"currency\":\"EUR\",\"items\":[" + ITEM + "],\"currency\":\"USD\"}"),
                        "currency"),
                argumentSet("a lower-case currency", placeOrder(order("eur", ITEM)), "currency"),
                argumentSet(
                        "a zero payment window",
                        placeOrder(twoBooksWith("\"paymentWindowMinutes\":0")),
                        "paymentWindowMinutes"),
                argumentSet("no items", placeOrder("{\"currency\":\"EUR\",\"items\":[]}"), "items"),
                argumentSet("a payment amount padded", payment(uuid(), "\"pi_1\"", "\" 25.00\"", "\"EUR\""), "amount"),
                argumentSet(
                        "a payment reference missing",
                        payment(uuid(), "null", "\"25.00\"", "\"EUR\""),
                        "paymentReference"),
                argumentSet("a capture time without an offset", captured("\"2026-12-06T21:59:58\""), "capturedAt"),
                argumentSet("a capture time as epoch seconds", captured("1796594398"), "capturedAt"),
                argumentSet("a capture time as a date only", captured("\"2026-12-06\""), "capturedAt"));
    }

    @ParameterizedTest
    @MethodSource("fieldsAtFault")
    void a_field_at_fault_is_named_by_its_json_path(BadRequest request, String path) throws Exception {
        HttpResponse<String> response =
                http.send(request.toHttp(port, service.clock.instant()), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        var errors = json.readTree(response.body()).get("errors");
        assertThat(errors.size()).as(response.body()).isEqualTo(1);
        assertThat(errors.get(0).get("field").asString()).isEqualTo(path);
        assertThat(json.readTree(response.body()).get("detail").asString()).contains("'" + path + "'");
    }

    @ParameterizedTest
    @MethodSource("badRequests")
    void a_bad_request_gets_a_problem_detail_and_stores_nothing(BadRequest request, int expectedStatus)
            throws Exception {
        HttpResponse<String> response =
                http.send(request.toHttp(port, service.clock.instant()), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(expectedStatus);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        var problem = json.readTree(response.body());
        assertThat(problem.get("status").asInt()).isEqualTo(expectedStatus);
        assertThat(problem.get("type").asString()).isNotBlank();
        assertThat(problem.get("title").asString()).isNotBlank();
        assertThat(problem.get("detail").asString()).isNotBlank();
        assertThat(problem.get("instance").asString())
                .isEqualTo(URI.create(request.path()).getPath());
        assertThat(response.body()).doesNotContain("com.acme", "Exception", "tools.jackson");
    }

    @AfterEach
    void nothing_was_stored() {
        assertThat(service.orders.size()).isZero();
        assertThat(service.events.all()).isEmpty();
    }

    /** How the text of a body is turned into bytes. */
    enum Encoding {
        UTF_8(new byte[0], StandardCharsets.UTF_8),
        UTF_8_WITH_BOM(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, StandardCharsets.UTF_8),
        UTF_16(new byte[0], StandardCharsets.UTF_16BE),
        UTF_16_WITH_BOM(new byte[] {(byte) 0xFF, (byte) 0xFE}, StandardCharsets.UTF_16LE);

        private final byte[] mark;
        private final Charset charset;

        Encoding(byte[] mark, Charset charset) {
            this.mark = mark;
            this.charset = charset;
        }

        byte[] bytes(String text) {
            byte[] encoded = text.getBytes(charset);
            byte[] all = Arrays.copyOf(mark, mark.length + encoded.length);
            System.arraycopy(encoded, 0, all, mark.length, encoded.length);
            return all;
        }
    }

    /** One HTTP request as it goes over the wire. */
    record BadRequest(
            String method,
            String path,
            String contentType,
            String body,
            boolean chunked,
            boolean withCustomer,
            Encoding encoding,
            Map<String, String> headers) {

        BadRequest(String method, String path, String contentType, String body, boolean chunked, boolean withCustomer) {
            this(method, path, contentType, body, chunked, withCustomer, Encoding.UTF_8, Map.of());
        }

        BadRequest as(String otherContentType) {
            return new BadRequest(method, path, otherContentType, body, chunked, withCustomer, encoding, headers);
        }

        BadRequest sentChunked() {
            return new BadRequest(method, path, contentType, body, true, withCustomer, encoding, headers);
        }

        BadRequest anonymous() {
            return new BadRequest(method, path, contentType, body, chunked, false, encoding, headers);
        }

        BadRequest encoded(Encoding otherEncoding) {
            return new BadRequest(method, path, contentType, body, chunked, withCustomer, otherEncoding, headers);
        }

        BadRequest with(String header, String value) {
            var more = new LinkedHashMap<>(headers);
            more.put(header, value);
            return new BadRequest(method, path, contentType, body, chunked, withCustomer, encoding, more);
        }

        /** Authenticated as the customer with a valid token, and signed as the provider when it is a notification. */
        HttpRequest toHttp(int port, Instant now) {
            var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                    .method(method, publisher())
                    .header("Accept", "application/json");
            if (contentType != null) {
                request.header("Content-Type", contentType);
            }
            if (withCustomer) {
                request.header("Authorization", TestCredentials.bearer(CUSTOMER, now));
            }
            // The signature covers the bytes sent, so a refusal is about how they are written, never about the
            // signature.
            if (path.startsWith("/v1/payment-notifications") && body != null) {
                request.header(PaymentSignature.HEADER, TestCredentials.paymentSignature(bytes(), now));
            }
            headers.forEach(request::header);
            return request.build();
        }

        /** A stream publisher has no length, so the client sends it chunked; a byte array goes with Content-Length. */
        private BodyPublisher publisher() {
            if (body == null) {
                return BodyPublishers.noBody();
            }
            byte[] bytes = bytes();
            return chunked
                    ? BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(bytes))
                    : BodyPublishers.ofByteArray(bytes);
        }

        private byte[] bytes() {
            return body == null ? new byte[0] : encoding.bytes(body);
        }
    }

    private static Arguments bad(String name, BadRequest request, int expectedStatus) {
        return argumentSet(name + " (" + expectedStatus + ")", request, expectedStatus);
    }

    private static BadRequest placeOrder(String body) {
        return new BadRequest("POST", "/v1/orders", "application/json", body, false, true);
    }

    private static BadRequest get(String path) {
        return new BadRequest("GET", path, null, null, false, true);
    }

    private static BadRequest post(String path) {
        return new BadRequest("POST", path, "application/json", null, false, true);
    }

    private static BadRequest notification(String body) {
        return new BadRequest("POST", "/v1/payment-notifications", "application/json", body, false, false);
    }

    /** Each argument is the raw JSON of its member, so that a test can send any type in any place. */
    private static BadRequest payment(String orderId, String reference, String amount, String currency) {
        return notification("""
                {"orderId":%s,"paymentReference":%s,"amount":%s,"currency":%s}""".formatted(orderId, reference, amount, currency));
    }

    /** A payment notification with the given raw JSON as its capture time. */
    private static BadRequest captured(String capturedAt) {
        return notification("{\"orderId\":" + uuid()
                + ",\"paymentReference\":\"pi_1\",\"amount\":\"25.00\",\"currency\":\"EUR\",\"capturedAt\":"
                + capturedAt + "}");
    }

    /** A valid order of two books, plus the given members. */
    private static String twoBooksWith(String members) {
        return "{\"currency\":\"EUR\",\"items\":[" + ITEM + "]," + members + "}";
    }

    private static String price(String unitPrice) {
        return item("A", "1", unitPrice);
    }

    private static String order(String currency, String... items) {
        return "{\"currency\":\"" + currency + "\",\"items\":[" + String.join(",", items) + "]}";
    }

    private static String item(String sku, String quantity, String unitPrice) {
        return "{\"sku\":\"" + sku + "\",\"quantity\":" + quantity + ",\"unitPrice\":" + unitPrice + "}";
    }

    private static String items(int count) {
        return IntStream.range(0, count).mapToObj(i -> ITEM).collect(Collectors.joining(","));
    }

    private static String uuid() {
        return "\"" + UUID.randomUUID() + "\"";
    }
}
