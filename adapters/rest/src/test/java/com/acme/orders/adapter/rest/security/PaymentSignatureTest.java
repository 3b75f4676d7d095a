package com.acme.orders.adapter.rest.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.acme.orders.application.fakes.OrderServiceFixture;
import com.acme.orders.application.ordering.PlaceOrder;
import com.acme.orders.domain.CustomerId;
import com.acme.orders.domain.LineItem;
import com.acme.orders.domain.Money;
import com.acme.orders.domain.Order;
import com.acme.orders.domain.OrderStatus;
import com.acme.orders.domain.Quantity;
import com.acme.orders.domain.Sku;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;
import org.springframework.test.web.servlet.client.assertj.RestTestClientResponse;

/** Only a notification signed by a payment provider, recently, over exactly its body, can touch an order. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureRestTestClient
class PaymentSignatureTest {

    @Autowired
    RestTestClient http;

    @Autowired
    OrderServiceFixture service;

    private Order placeTwoBooks() {
        return service.placeOrder.place(new PlaceOrder.Command(
                new CustomerId("alice-" + UUID.randomUUID()),
                List.of(new LineItem(new Sku("BOOK-1"), new Quantity(2), Money.of("12.50", "EUR"))),
                Optional.empty()));
    }

    private static String paymentFor(Order order) {
        return """
                {"orderId":"%s","paymentReference":"pi_sig_%s","amount":"25.00","currency":"EUR"}""".formatted(order.id(), order.id());
    }

    private long now() {
        return service.clock.instant().getEpochSecond();
    }

    @Test
    void a_notification_signed_with_the_current_secret_pays_the_order() {
        var order = placeTwoBooks();
        var body = paymentFor(order);

        var response = send(body, sign(TestCredentials.PAYMENT_SECRET, now(), body));

        assertThat(response).hasStatusOk();
        assertThat(service.orders.stored(order.id()).status()).isEqualTo(OrderStatus.PAID);
    }

    @Test
    void a_notification_signed_with_the_previous_secret_still_pays_the_order_during_a_rotation() {
        var order = placeTwoBooks();
        var body = paymentFor(order);

        var response = send(body, sign(TestCredentials.PREVIOUS_PAYMENT_SECRET, now(), body));

        assertThat(response).hasStatusOk();
        assertThat(service.orders.stored(order.id()).status()).isEqualTo(OrderStatus.PAID);
    }

    @Test
    void a_header_with_a_wrong_and_a_right_signature_is_accepted_because_providers_sign_with_old_and_new_secrets() {
        var order = placeTwoBooks();
        var body = paymentFor(order);
        var right = sign(TestCredentials.PAYMENT_SECRET, now(), body);
        var wrong = sign("an-old-secret-we-no-longer-accept-at-all", now(), body);

        var response = send(body, wrong + "," + right.substring(right.indexOf("v1=")));

        assertThat(response).hasStatusOk();
    }

    @Test
    void an_unsigned_notification_is_unauthorized_and_changes_nothing() {
        assertRefusedAndNothingChanged(order -> null);
    }

    @Test
    void a_notification_signed_with_an_unknown_secret_is_unauthorized_and_changes_nothing() {
        assertRefusedAndNothingChanged(
                order -> sign("a-forger-s-secret-of-more-than-32-bytes!", now(), paymentFor(order)));
    }

    @Test
    void a_signature_over_another_body_is_unauthorized_and_changes_nothing() {
        assertRefusedAndNothingChanged(order ->
                sign(TestCredentials.PAYMENT_SECRET, now(), paymentFor(order).replace("25.00", "0.01")));
    }

    @Test
    void a_notification_replayed_after_the_tolerance_is_unauthorized_and_changes_nothing() {
        assertRefusedAndNothingChanged(order -> sign(
                TestCredentials.PAYMENT_SECRET, now() - Duration.ofMinutes(5).toSeconds() - 1, paymentFor(order)));
    }

    @Test
    void a_notification_signed_in_the_future_beyond_the_tolerance_is_unauthorized_and_changes_nothing() {
        assertRefusedAndNothingChanged(order -> sign(
                TestCredentials.PAYMENT_SECRET, now() + Duration.ofMinutes(5).toSeconds() + 1, paymentFor(order)));
    }

    @Test
    void a_signature_header_in_another_shape_is_unauthorized_and_changes_nothing() {
        assertRefusedAndNothingChanged(order -> "sha256=" + "0".repeat(64));
        assertRefusedAndNothingChanged(order -> "t=" + now() + ",v1=not-hex");
        assertRefusedAndNothingChanged(order -> "t=99999999999999999999,v1=" + "0".repeat(64));
        assertRefusedAndNothingChanged(order -> "t=" + now() + ",v0="
                + sign(TestCredentials.PAYMENT_SECRET, now(), paymentFor(order))
                        .substring(("t=" + now() + ",v1=").length()));
    }

    private void assertRefusedAndNothingChanged(java.util.function.Function<Order, String> signatureFor) {
        var order = placeTwoBooks();
        int events = service.events.all().size();

        var response = send(paymentFor(order), signatureFor.apply(order));

        assertThat(response)
                .hasStatus(HttpStatus.UNAUTHORIZED)
                .hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .hasHeader("WWW-Authenticate", "Payment-Signature");
        assertThat(response)
                .bodyJson()
                .extractingPath("$.type")
                .isEqualTo("https://problems.acme.com/orders/unsigned-notification");
        assertThat(response).bodyJson().extractingPath("$.instance").isEqualTo("/v1/payment-notifications");
        assertThat(service.orders.stored(order.id()).status()).isEqualTo(OrderStatus.UNPAID);
        assertThat(service.orders.stored(order.id()).version()).isZero();
        assertThat(service.events.all()).hasSize(events);
    }

    private static String sign(String secret, long unixSeconds, String body) {
        return PaymentSignature.sign(secret, unixSeconds, body.getBytes(StandardCharsets.UTF_8));
    }

    private RestTestClientResponse send(String body, String signature) {
        var request = http.post().uri("/v1/payment-notifications").contentType(MediaType.APPLICATION_JSON);
        if (signature != null) {
            request.header(PaymentSignature.HEADER, signature);
        }
        return RestTestClientResponse.from(request.body(body).exchange());
    }
}
