package com.acme.orders.adapter.rest.problem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.argumentSet;

import com.acme.orders.adapter.rest.http.RawHttp;
import com.acme.orders.adapter.rest.security.TestCredentials;
import com.acme.orders.application.fakes.OrderServiceFixture;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the HTTP server refuses by itself, before any controller runs (Tomcat parsing the request, the firewall of
 * Spring Security, the servlet container's error page), still answers as the API does: a problem detail with its
 * status, never an HTML page or Spring Boot's default error JSON, and nothing of the request echoed back.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        // How long Tomcat waits for the next bytes of a request: short here, so that a stalled body is a quick test.
        properties = "server.tomcat.connection-timeout=1s")
class ServerRefusalsTest {

    private static final String ORDER = """
            {"currency":"EUR","items":[{"sku":"BOOK-1","quantity":2,"unitPrice":"12.50"}]}""";

    @LocalServerPort
    int port;

    @Autowired
    OrderServiceFixture service;

    private final JsonMapper json = JsonMapper.builder().build();

    static Stream<Arguments> refusedRequests() {
        return Stream.of(
                // Tomcat, parsing the request
                refused(
                        "a header larger than the server takes",
                        get("/v1/orders", "X-Padding: " + "a".repeat(20_000)),
                        400),
                refused("more headers than the server takes", get("/v1/orders", manyHeaders(120)), 400),
                refused("a NUL in a header", get("/v1/orders", "X-Note: a\0b"), 400),
                refused("a control character in a header name", get("/v1/orders", "X-\u0001Note: a"), 400),
                refused("an encoded slash in the path", get("/v1/orders/abc%2Fdef"), 400),
                refused("an encoded NUL in the path", get("/v1/orders/abc%00def"), 400),
                refused("a raw brace in the path", get("/v1/orders/{id}"), 400),
                refused("a path longer than the server takes", get("/v1/orders/" + "a".repeat(20_000)), 400),
                refused("a request line that is not HTTP", "HELLO\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1), 400),
                refused(
                        "an HTTP version the server does not speak",
                        "GET /v1/orders HTTP/3.0\r\nHost: localhost\r\nConnection: close\r\n\r\n"
                                .getBytes(StandardCharsets.ISO_8859_1),
                        505),
                refused("TRACE", RawHttp.request("TRACE", "/v1/orders", List.of(), new byte[0]), 405),
                // the firewall of Spring Security
                refused("a dot-dot segment in the path", get("/v1/orders/../payment-notifications"), 400),
                refused("a semicolon in the path", get("/v1/orders;jsessionid=1"), 400),
                refused("a double slash in the path", get("/v1//orders"), 400),
                refused("an encoded percent sign in the path", get("/v1/orders/%25"), 400),
                // the protection of the API
                refused(
                        "a method HTTP does not define",
                        RawHttp.request("BREW", "/v1/orders", List.of(), new byte[0]),
                        405),
                // the servlet container's error page
                refused("the error page asked for directly", get("/error"), 404),
                refused("a path outside the API", get("/wp-admin/setup.php"), 404));
    }

    @ParameterizedTest
    @MethodSource("refusedRequests")
    void a_request_the_server_refuses_gets_a_problem_detail(byte[] request, int status) throws Exception {
        var answer = RawHttp.exchange(port, request);

        assertProblem(answer, status);
    }

    @Test
    void a_body_shorter_than_its_declared_length_gets_a_problem_detail() throws Exception {
        var answer = RawHttp.exchange(port, orderPromisingMoreThanItSends(), true);

        assertProblem(answer, 400);
    }

    @Test
    void a_body_that_stops_arriving_gets_a_problem_detail_once_the_server_stops_waiting() throws Exception {
        var answer = RawHttp.exchange(port, orderPromisingMoreThanItSends());

        assertThat(answer.status()).as(answer.body()).isBetween(400, 499);
        assertProblem(answer, answer.status());
    }

    /** A valid order whose {@code Content-Length} announces 50 bytes more than it has. */
    private byte[] orderPromisingMoreThanItSends() {
        return RawHttp.request(
                "POST",
                "/v1/orders",
                List.of(
                        "Content-Type: application/json",
                        "Authorization: " + TestCredentials.bearer("alice", service.clock.instant()),
                        "Content-Length: " + (ORDER.length() + 50)),
                ORDER.getBytes(StandardCharsets.UTF_8));
    }

    @AfterEach
    void nothing_was_stored() {
        assertThat(service.orders.size()).isZero();
    }

    private void assertProblem(RawHttp.Answer answer, int status) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(status);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        var problem = json.readTree(answer.body());
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        assertThat(problem.get("type").asString()).isNotBlank();
        assertThat(problem.get("title").asString()).isNotBlank();
        assertThat(problem.get("detail").asString()).isNotBlank();
        assertThat(answer.body()).doesNotContain("<html", "timestamp", "Exception", "org.apache", "a".repeat(100));
    }

    private static Arguments refused(String name, byte[] request, int status) {
        return argumentSet(name + " (" + status + ")", request, status);
    }

    private static byte[] get(String target, String... headers) {
        return RawHttp.request("GET", target, List.of(headers), new byte[0]);
    }

    private static String[] manyHeaders(int count) {
        return IntStream.range(0, count)
                .mapToObj(i -> "X-Header-" + i + ": " + i)
                .toArray(String[]::new);
    }
}
