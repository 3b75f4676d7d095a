package com.acme.orders.adapter.rest.order;

import static org.assertj.core.api.Assertions.assertThat;

import com.acme.orders.adapter.rest.security.PaymentSignature;
import com.acme.orders.adapter.rest.security.TestCredentials;
import com.acme.orders.application.fakes.OrderServiceFixture;
import com.acme.orders.domain.CancellationReason;
import com.acme.orders.domain.CustomerId;
import com.acme.orders.domain.OrderId;
import com.acme.orders.domain.OrderStatus;
import com.acme.orders.domain.Payment;
import com.acme.orders.domain.PaymentReference;
import com.jayway.jsonpath.JsonPath;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;
import org.springframework.test.web.servlet.client.assertj.RestTestClientResponse;

/** What a customer sees of their orders over HTTP, and what is stored as a result. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureRestTestClient
class CustomerOrdersApiTest {

    static final String TWO_BOOKS = """
            {"currency":"EUR","items":[{"sku":"BOOK-1","quantity":2,"unitPrice":"12.50"}]}""";

    @Autowired
    RestTestClient http;

    @Autowired
    OrderServiceFixture service;

    private final String alice = "alice-" + UUID.randomUUID();
    private final String bob = "bob-" + UUID.randomUUID();

    @Test
    void placing_an_order_answers_201_with_its_location_and_the_unpaid_order_as_stored() {
        var now = service.clock.instant();

        var placed = place(alice, TWO_BOOKS);

        assertThat(placed).hasStatus(HttpStatus.CREATED).hasContentTypeCompatibleWith(MediaType.APPLICATION_JSON);
        String id = idOf(placed);
        assertThat(placed).hasHeader("Location", "/v1/orders/" + id);
        assertThat(placed).bodyJson().isLenientlyEqualTo("""
                {"id":"%s","customerId":"%s","status":"UNPAID","currency":"EUR","total":"25.00",
                 "items":[{"sku":"BOOK-1","quantity":2,"unitPrice":"12.50"}],
                 "createdAt":"%s","paymentDeadline":"%s",
                 "paidAt":null,"paymentReference":null,"cancelledAt":null,"cancellationReason":null}""".formatted(
                        id, alice, now, now.plus(Duration.ofMinutes(30))));
        var stored = service.orders.stored(OrderId.of(id));
        assertThat(stored.status()).isEqualTo(OrderStatus.UNPAID);
        assertThat(stored.customerId().value()).isEqualTo(alice);
        assertThat(placed)
                .bodyJson()
                .extractingPath("$.orderNumber")
                .isEqualTo(stored.number().value());
    }

    @Test
    void an_order_may_ask_for_its_own_payment_window_and_give_its_prices_as_json_numbers() {
        var now = service.clock.instant();

        var placed = place(alice, """
                {"currency":"JPY","items":[{"sku":"TEA","quantity":3,"unitPrice":1200}],"paymentWindowMinutes":5}""");

        assertThat(placed).hasStatus(HttpStatus.CREATED);
        assertThat(placed).bodyJson().extractingPath("$.total").isEqualTo("3600");
        assertThat(placed)
                .bodyJson()
                .extractingPath("$.paymentDeadline")
                .isEqualTo(now.plus(Duration.ofMinutes(5)).toString());
    }

    @Test
    void a_customer_reads_their_order() {
        String id = idOf(place(alice, TWO_BOOKS));

        var read = get(alice, "/v1/orders/" + id);

        assertThat(read).hasStatusOk();
        assertThat(read).bodyJson().extractingPath("$.id").isEqualTo(id);
        assertThat(read).bodyJson().extractingPath("$.status").isEqualTo("UNPAID");
    }

    @Test
    void an_order_read_after_its_deadline_is_cancelled_by_timeout_and_stored_so() {
        String id = idOf(place(alice, TWO_BOOKS));
        service.clock.advance(Duration.ofMinutes(30));

        var read = get(alice, "/v1/orders/" + id);

        assertThat(read).bodyJson().extractingPath("$.status").isEqualTo("CANCELLED");
        assertThat(read).bodyJson().extractingPath("$.cancellationReason").isEqualTo("PAYMENT_TIMEOUT");
        assertThat(service.orders.stored(OrderId.of(id)).cancellationReason())
                .contains(CancellationReason.PAYMENT_TIMEOUT);
    }

    @Test
    void another_customers_order_is_not_found() {
        String id = idOf(place(alice, TWO_BOOKS));

        var read = get(bob, "/v1/orders/" + id);
        var cancel = post(bob, "/v1/orders/" + id + "/cancellation", null);

        for (var response : List.of(read, cancel)) {
            assertThat(response)
                    .hasStatus(HttpStatus.NOT_FOUND)
                    .hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
            assertThat(response)
                    .bodyJson()
                    .extractingPath("$.type")
                    .isEqualTo("https://problems.acme.com/orders/order-not-found");
        }
        assertThat(service.orders.stored(OrderId.of(id)).status()).isEqualTo(OrderStatus.UNPAID);
    }

    @Test
    void a_request_without_a_customer_id_is_unauthorized_and_places_nothing() {
        int before = service.orders.size();

        var response = RestTestClientResponse.from(http.post()
                .uri("/v1/orders")
                .contentType(MediaType.APPLICATION_JSON)
                .body(TWO_BOOKS)
                .exchange());

        assertThat(response)
                .hasStatus(HttpStatus.UNAUTHORIZED)
                .hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(response).bodyJson().extractingPath("$.status").isEqualTo(401);
        assertThat(response).bodyJson().extractingPath("$.title").isEqualTo("The customer is not identified");
        assertThat(response).bodyJson().extractingPath("$.instance").isEqualTo("/v1/orders");
        assertThat(service.orders.size()).isEqualTo(before);
    }

    @Test
    void a_customer_id_that_is_not_one_is_unauthorized() {
        var response = get("x".repeat(CustomerId.MAX_LENGTH + 1), "/v1/orders");

        assertThat(response).hasStatus(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void a_customer_pages_through_their_own_orders_newest_first() {
        List<String> placed = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            placed.add(idOf(place(alice, TWO_BOOKS)));
            service.clock.advance(Duration.ofSeconds(1));
        }
        place(bob, TWO_BOOKS);

        var first = get(alice, "/v1/orders?limit=3");
        String cursor = JsonPath.read(body(first), "$.nextCursor");
        var second = get(alice, "/v1/orders?limit=3&cursor=" + cursor);

        assertThat(first)
                .bodyJson()
                .extractingPath("$.orders[*].id")
                .isEqualTo(List.of(placed.get(4), placed.get(3), placed.get(2)));
        assertThat(second).bodyJson().extractingPath("$.orders[*].id").isEqualTo(List.of(placed.get(1), placed.get(0)));
        assertThat(second).bodyJson().extractingPath("$.nextCursor").isNull();
    }

    @Test
    void the_list_shows_only_orders_in_the_status_asked_for() {
        String unpaid = idOf(place(alice, TWO_BOOKS));
        String cancelled = idOf(place(alice, TWO_BOOKS));
        post(alice, "/v1/orders/" + cancelled + "/cancellation", null);

        var unpaidOnly = get(alice, "/v1/orders?status=UNPAID");
        var cancelledOnly = get(alice, "/v1/orders?status=CANCELLED");

        assertThat(unpaidOnly).bodyJson().extractingPath("$.orders[*].id").isEqualTo(List.of(unpaid));
        assertThat(cancelledOnly).bodyJson().extractingPath("$.orders[*].id").isEqualTo(List.of(cancelled));
    }

    @Test
    void a_customer_cancels_an_unpaid_order_and_cancelling_again_answers_the_same_order() {
        String id = idOf(place(alice, TWO_BOOKS));

        var cancelled = post(alice, "/v1/orders/" + id + "/cancellation", null);
        var again = post(alice, "/v1/orders/" + id + "/cancellation", null);

        for (var response : List.of(cancelled, again)) {
            assertThat(response).hasStatusOk();
            assertThat(response).bodyJson().extractingPath("$.status").isEqualTo("CANCELLED");
            assertThat(response)
                    .bodyJson()
                    .extractingPath("$.cancellationReason")
                    .isEqualTo("CUSTOMER_REQUEST");
        }
        assertThat(service.orders.stored(OrderId.of(id)).cancellationReason())
                .contains(CancellationReason.CUSTOMER_REQUEST);
    }

    @Test
    void a_paid_order_cannot_be_cancelled_and_stays_paid() {
        String id = idOf(place(alice, TWO_BOOKS));
        String payment = """
                {"orderId":"%s","paymentReference":"pi_cancel","amount":"25.00","currency":"EUR"}""".formatted(id);
        assertThat(RestTestClientResponse.from(http.post()
                        .uri("/v1/payment-notifications")
                        .contentType(MediaType.APPLICATION_JSON)
                        .header(
                                PaymentSignature.HEADER,
                                TestCredentials.paymentSignature(payment, service.clock.instant()))
                        .body(payment)
                        .exchange()))
                .hasStatusOk();

        var cancel = post(alice, "/v1/orders/" + id + "/cancellation", null);

        assertThat(cancel)
                .hasStatus(HttpStatus.CONFLICT)
                .hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(cancel).bodyJson().extractingPath("$.type").isEqualTo("https://problems.acme.com/orders/order-paid");
        assertThat(cancel).bodyJson().extractingPath("$.orderStatus").isEqualTo("PAID");
        assertThat(service.orders.stored(OrderId.of(id)).status()).isEqualTo(OrderStatus.PAID);
    }

    @Test
    void a_cursor_that_was_not_handed_out_is_a_bad_request() {
        var response = get(alice, "/v1/orders?cursor=not-a-cursor");

        assertThat(response)
                .hasStatus(HttpStatus.BAD_REQUEST)
                .hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(response).bodyJson().extractingPath("$.errors[0].field").isEqualTo("cursor");
    }

    @Test
    void the_same_idempotency_key_and_body_twice_answer_the_same_order_and_create_one() {
        var first = placeWithKey(alice, "order-attempt-1", TWO_BOOKS);
        var retry = placeWithKey(alice, "order-attempt-1", TWO_BOOKS.replace("12.50", "12.5"));

        assertThat(first).hasStatus(HttpStatus.CREATED).doesNotContainHeader("Idempotent-Replayed");
        assertThat(retry).hasStatus(HttpStatus.CREATED).hasHeader("Idempotent-Replayed", "true");
        assertThat(idOf(retry)).isEqualTo(idOf(first));
        assertThat(retry).hasHeader("Location", "/v1/orders/" + idOf(first));
        assertThat(service.orders.listOfCustomer(
                        new CustomerId(alice), java.util.Optional.empty(), java.util.Optional.empty(), 10))
                .hasSize(1);
    }

    @Test
    void a_retry_after_the_order_was_paid_gets_the_first_answer_byte_for_byte() {
        var first = placeWithKey(alice, "order-attempt-paid", TWO_BOOKS);
        var order = service.orders.stored(new OrderId(UUID.fromString(idOf(first))));
        service.clock.advance(Duration.ofMinutes(3));
        service.confirmPayment.confirm(
                order.id(), new Payment(new PaymentReference("pi_" + order.id()), order.total()));

        var retry = placeWithKey(alice, "order-attempt-paid", TWO_BOOKS);

        assertThat(service.orders.stored(order.id()).status()).isEqualTo(OrderStatus.PAID);
        assertThat(retry).hasStatus(HttpStatus.CREATED).hasHeader("Idempotent-Replayed", "true");
        assertThat(retry.getExchangeResult().getResponseBodyContent())
                .isEqualTo(first.getExchangeResult().getResponseBodyContent());
        for (String header : List.of("Location", "Content-Type")) {
            assertThat(retry.getExchangeResult().getResponseHeaders().get(header))
                    .isEqualTo(first.getExchangeResult().getResponseHeaders().get(header));
        }
    }

    @Test
    void the_same_idempotency_key_with_another_body_is_unprocessable_and_creates_nothing() {
        placeWithKey(alice, "order-attempt-1", TWO_BOOKS);

        var other = placeWithKey(alice, "order-attempt-1", TWO_BOOKS.replace("\"quantity\":2", "\"quantity\":3"));

        assertThat(other)
                .hasStatus(HttpStatus.UNPROCESSABLE_CONTENT)
                .hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(other)
                .bodyJson()
                .extractingPath("$.type")
                .isEqualTo("https://problems.acme.com/orders/idempotency-key-reused");
        assertThat(service.orders.listOfCustomer(
                        new CustomerId(alice), java.util.Optional.empty(), java.util.Optional.empty(), 10))
                .hasSize(1);
    }

    @Test
    void an_idempotency_key_that_is_too_long_or_not_visible_ascii_is_a_bad_request() {
        assertThat(placeWithKey(alice, "k".repeat(256), TWO_BOOKS)).hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(placeWithKey(alice, "key with spaces", TWO_BOOKS)).hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(service.orders.listOfCustomer(
                        new CustomerId(alice), java.util.Optional.empty(), java.util.Optional.empty(), 10))
                .isEmpty();
    }

    private RestTestClientResponse placeWithKey(String customer, String key, String body) {
        return RestTestClientResponse.from(http.post()
                .uri("/v1/orders")
                .contentType(MediaType.APPLICATION_JSON)
                .header("Authorization", TestCredentials.bearer(customer, service.clock.instant()))
                .header("Idempotency-Key", key)
                .body(body)
                .exchange());
    }

    private RestTestClientResponse place(String customer, String body) {
        return post(customer, "/v1/orders", body);
    }

    private RestTestClientResponse post(String customer, String path, String body) {
        var request = http.post().uri(path).contentType(MediaType.APPLICATION_JSON);
        if (customer != null) {
            request.header("Authorization", TestCredentials.bearer(customer, service.clock.instant()));
        }
        if (body != null) {
            request.body(body);
        }
        return RestTestClientResponse.from(request.exchange());
    }

    private RestTestClientResponse get(String customer, String path) {
        return RestTestClientResponse.from(http.get()
                .uri(path)
                .header("Authorization", TestCredentials.bearer(customer, service.clock.instant()))
                .exchange());
    }

    private static String idOf(RestTestClientResponse response) {
        return JsonPath.read(body(response), "$.id");
    }

    private static String body(RestTestClientResponse response) {
        return new String(response.getExchangeResult().getResponseBodyContent());
    }
}
