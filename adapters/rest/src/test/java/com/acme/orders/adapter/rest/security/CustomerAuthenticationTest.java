package com.acme.orders.adapter.rest.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.argumentSet;

import com.acme.orders.application.fakes.OrderServiceFixture;
import com.acme.orders.application.ordering.PlaceOrder;
import com.acme.orders.domain.CustomerId;
import com.acme.orders.domain.LineItem;
import com.acme.orders.domain.Money;
import com.acme.orders.domain.Order;
import com.acme.orders.domain.OrderStatus;
import com.acme.orders.domain.Quantity;
import com.acme.orders.domain.Sku;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;
import org.springframework.test.web.servlet.client.assertj.RestTestClientResponse;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every customer endpoint, with every way of not being the customer: 401 with {@code WWW-Authenticate: Bearer} for no
 * or a bad token, 404 for someone else's order; never a change.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureRestTestClient
class CustomerAuthenticationTest {

    private static final String TWO_BOOKS = """
            {"currency":"EUR","items":[{"sku":"BOOK-1","quantity":2,"unitPrice":"12.50"}]}""";

    @Autowired
    RestTestClient http;

    @Autowired
    OrderServiceFixture service;

    private final String alice = "alice-" + UUID.randomUUID();

    /** Builds the Authorization header from the customer and the service's current time; null sends none. */
    static Stream<Arguments> badCredentials() {
        return Stream.of(
                credentials("no Authorization header", (customer, now) -> null),
                credentials("an empty bearer token", (customer, now) -> "Bearer "),
                credentials("a token that is not a JWT", (customer, now) -> "Bearer not.a.jwt"),
                credentials("another scheme", (customer, now) -> "Basic YWxpY2U6c2VjcmV0"),
                credentials("the customer id itself", (customer, now) -> "Bearer " + customer),
                credentials(
                        "an expired token",
                        (customer, now) -> "Bearer "
                                + TestCredentials.token(
                                        TestCredentials.TOKEN_SECRET,
                                        customer,
                                        now.minus(Duration.ofHours(2)),
                                        now.minus(Duration.ofHours(1)))),
                credentials(
                        "a token signed with another key",
                        (customer, now) -> "Bearer "
                                + TestCredentials.token(
                                        "somebody-elses-key-that-is-long-enough!!",
                                        customer,
                                        now,
                                        now.plus(Duration.ofHours(1)))),
                credentials("a token whose signature was cut off", (customer, now) -> {
                    String token = TestCredentials.bearer(customer, now);
                    return token.substring(0, token.lastIndexOf('.') + 1);
                }),
                credentials(
                        "an unsigned token (alg none)",
                        (customer, now) -> "Bearer eyJhbGciOiJub25lIn0."
                                + java.util.Base64.getUrlEncoder()
                                        .withoutPadding()
                                        .encodeToString(("{\"sub\":\"" + customer + "\",\"exp\":"
                                                        + now.plus(Duration.ofHours(1))
                                                                .getEpochSecond() + "}")
                                                .getBytes())
                                + "."));
    }

    static Stream<Arguments> endpoints() {
        return Stream.of(
                argumentSet("place an order", HttpMethod.POST, "/v1/orders", TWO_BOOKS),
                argumentSet("list orders", HttpMethod.GET, "/v1/orders", null),
                argumentSet("read an order", HttpMethod.GET, "/v1/orders/{id}", null),
                argumentSet("cancel an order", HttpMethod.POST, "/v1/orders/{id}/cancellation", null));
    }

    static Stream<Arguments> everyEndpointWithEveryBadCredential() {
        return endpoints()
                .flatMap(endpoint -> badCredentials()
                        .map(credential -> argumentSet(
                                ((Arguments.ArgumentSet) endpoint).getName() + " with "
                                        + ((Arguments.ArgumentSet) credential).getName(),
                                endpoint.get()[0],
                                endpoint.get()[1],
                                endpoint.get()[2],
                                credential.get()[0])));
    }

    @ParameterizedTest
    @MethodSource("everyEndpointWithEveryBadCredential")
    void a_request_without_a_valid_token_is_unauthorized_and_changes_nothing(
            HttpMethod method, String path, String body, BiFunction<String, Instant, String> authorization) {
        var order = placeTwoBooks(alice);
        int events = service.events.all().size();

        var response = send(
                method,
                path.replace("{id}", order.id().toString()),
                body,
                authorization.apply(alice, service.clock.instant()));

        assertThat(response)
                .hasStatus(HttpStatus.UNAUTHORIZED)
                .hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(response.getExchangeResult().getResponseHeaders().getFirst("WWW-Authenticate"))
                .startsWith("Bearer");
        assertThat(response)
                .bodyJson()
                .extractingPath("$.type")
                .isEqualTo("https://problems.acme.com/orders/unidentified-customer");
        assertThat(service.events.all()).hasSize(events);
        assertThat(service.orders.stored(order.id()).status()).isEqualTo(OrderStatus.UNPAID);
    }

    @ParameterizedTest
    @MethodSource("endpoints")
    void a_token_that_is_valid_until_the_clock_passes_its_expiry_stops_working(
            HttpMethod method, String path, String body) {
        var order = placeTwoBooks(alice);
        var token = TestCredentials.bearer(alice, service.clock.instant());
        // The validator allows a minute of clock skew between the identity provider and us.
        service.clock.advance(Duration.ofHours(1).plusMinutes(2));

        var response = send(method, path.replace("{id}", order.id().toString()), body, token);

        assertThat(response).hasStatus(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void someone_elses_order_cannot_be_read_or_cancelled_and_is_not_found() {
        var order = placeTwoBooks(alice);
        var mallory = TestCredentials.bearer("mallory-" + UUID.randomUUID(), service.clock.instant());

        var read = send(HttpMethod.GET, "/v1/orders/" + order.id(), null, mallory);
        var cancel = send(HttpMethod.POST, "/v1/orders/" + order.id() + "/cancellation", null, mallory);
        var list = send(HttpMethod.GET, "/v1/orders", null, mallory);

        assertThat(read).hasStatus(HttpStatus.NOT_FOUND);
        assertThat(cancel).hasStatus(HttpStatus.NOT_FOUND);
        assertThat(list).bodyJson().extractingPath("$.orders").asArray().isEmpty();
        assertThat(service.orders.stored(order.id()).status()).isEqualTo(OrderStatus.UNPAID);
    }

    @Test
    void the_customer_of_an_order_is_the_token_subject_and_never_a_header_or_the_body() {
        var response = send(
                HttpMethod.POST,
                "/v1/orders",
                TWO_BOOKS.replace("{\"currency\"", "{\"customerId\":\"bob\",\"currency\""),
                TestCredentials.bearer(alice, service.clock.instant()));
        var withHeader = RestTestClientResponse.from(http.post()
                .uri("/v1/orders")
                .contentType(MediaType.APPLICATION_JSON)
                .header("X-Customer-Id", alice)
                .body(TWO_BOOKS)
                .exchange());

        assertThat(response).hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(withHeader).hasStatus(HttpStatus.UNAUTHORIZED);
    }

    static Stream<Arguments> mistypedClaims() {
        return Stream.of(
                argumentSet("a numeric subject", "\"sub\":12345", "sub"),
                argumentSet("a subject that is an object", "\"sub\":{\"id\":\"alice\"}", "sub"),
                argumentSet("a subject that is a list", "\"sub\":[\"alice\"]", "sub"),
                argumentSet("a numeric issuer", "\"sub\":\"alice\",\"iss\":7", "iss"),
                argumentSet("an audience of numbers", "\"sub\":\"alice\",\"aud\":[1,2]", "aud"),
                argumentSet("an issue time as text", "\"sub\":\"alice\",\"iat\":\"yesterday\"", "iat"));
    }

    @ParameterizedTest
    @MethodSource("mistypedClaims")
    void a_properly_signed_token_with_a_claim_of_the_wrong_type_is_refused_and_the_claim_named(
            String claims, String claim) {
        long expiry = service.clock.instant().plus(Duration.ofHours(1)).getEpochSecond();
        String token = TestCredentials.tokenOfClaims("{" + claims + ",\"exp\":" + expiry + "}");

        var response = send(HttpMethod.GET, "/v1/orders", null, "Bearer " + token);

        assertThat(response)
                .hasStatus(HttpStatus.UNAUTHORIZED)
                .hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(response).bodyJson().extractingPath("$.detail").asString().contains("'" + claim + "'");
    }

    @Test
    void a_hand_made_token_with_claims_of_the_right_types_is_accepted() {
        long expiry = service.clock.instant().plus(Duration.ofHours(1)).getEpochSecond();
        String token = TestCredentials.tokenOfClaims("{\"sub\":\"" + alice + "\",\"aud\":[\"shop\"],\"iat\":"
                + service.clock.instant().getEpochSecond() + ",\"exp\":" + expiry + "}");

        assertThat(send(HttpMethod.GET, "/v1/orders", null, "Bearer " + token)).hasStatusOk();
    }

    /**
     * Paths outside {@code /v1} are answered without a token (a 404 for what does not exist), so that an unknown path
     * is a plain not-found; this holds only while no endpoint of the API lives outside {@code /v1}.
     */
    @Test
    void every_endpoint_of_the_api_lives_under_v1(@Autowired RequestMappingHandlerMapping mappings) {
        var paths = mappings.getHandlerMethods().keySet().stream()
                .flatMap(mapping -> mapping.getPatternValues().stream())
                .toList();

        assertThat(paths).isNotEmpty().allSatisfy(path -> assertThat(path).matches("/v1/.*|/v3/api-docs.*|/error"));
    }

    @Test
    void an_unknown_path_outside_the_api_is_not_found_with_or_without_a_token() {
        var anonymous = send(HttpMethod.GET, "/admin", null, null);
        var withToken = send(HttpMethod.GET, "/admin", null, TestCredentials.bearer(alice, service.clock.instant()));

        for (var response : List.of(anonymous, withToken)) {
            assertThat(response)
                    .hasStatus(HttpStatus.NOT_FOUND)
                    .hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        }
    }

    @Test
    void the_openapi_document_and_the_health_check_need_no_token() {
        assertThat(RestTestClientResponse.from(http.get().uri("/v3/api-docs").exchange()))
                .hasStatusOk();
    }

    private Order placeTwoBooks(String customer) {
        return service.placeOrder.place(new PlaceOrder.Command(
                new CustomerId(customer),
                List.of(new LineItem(new Sku("BOOK-1"), new Quantity(2), Money.of("12.50", "EUR"))),
                Optional.empty()));
    }

    private RestTestClientResponse send(HttpMethod method, String path, String body, String authorization) {
        var request = http.method(method).uri(path).contentType(MediaType.APPLICATION_JSON);
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        if (body != null) {
            request.body(body);
        }
        return RestTestClientResponse.from(request.exchange());
    }

    private static Arguments credentials(String name, BiFunction<String, Instant, String> authorization) {
        return argumentSet(name, authorization);
    }
}
