package com.acme.orders.adapter.rest.payment;

import static org.assertj.core.api.Assertions.assertThat;

import com.acme.orders.adapter.rest.security.PaymentSignature;
import com.acme.orders.adapter.rest.security.TestCredentials;
import com.acme.orders.application.fakes.OrderServiceFixture;
import com.acme.orders.application.ordering.PlaceOrder;
import com.acme.orders.application.payment.port.ReceivedPayments;
import com.acme.orders.domain.CancellationReason;
import com.acme.orders.domain.CustomerId;
import com.acme.orders.domain.LineItem;
import com.acme.orders.domain.Money;
import com.acme.orders.domain.Order;
import com.acme.orders.domain.OrderPaid;
import com.acme.orders.domain.OrderStatus;
import com.acme.orders.domain.PaymentReference;
import com.acme.orders.domain.Quantity;
import com.acme.orders.domain.RefundReason;
import com.acme.orders.domain.RefundRequested;
import com.acme.orders.domain.Sku;
import java.time.Duration;
import java.time.Instant;
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

/** What a payment provider sees when it reports a payment, and what is stored as a result. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureRestTestClient
class PaymentNotificationsApiTest {

    @Autowired
    RestTestClient http;

    @Autowired
    OrderServiceFixture service;

    /** Payment references are remembered for good, so each test uses its own (one context serves every test). */
    private final String run = UUID.randomUUID().toString().substring(0, 8);

    private String ref(String name) {
        return name + "_" + run;
    }

    /** Two books at 12.50 EUR, placed through the use case: this test is about the provider's side only. */
    private Order placeTwoBooks() {
        return service.placeOrder.place(new PlaceOrder.Command(
                new CustomerId("alice-" + UUID.randomUUID()),
                List.of(new LineItem(new Sku("BOOK-1"), new Quantity(2), Money.of("12.50", "EUR"))),
                Optional.empty()));
    }

    @Test
    void a_payment_in_time_pays_the_order() {
        var order = placeTwoBooks();

        var response = notifyPayment(order, ref("pi_123"), "25.00");

        assertThat(response).hasStatusOk().hasContentTypeCompatibleWith(MediaType.APPLICATION_JSON);
        assertThat(response).bodyJson().isEqualTo("""
                {"orderId":"%s","status":"PAID","result":"PAID"}""".formatted(order.id()));
        var stored = service.orders.stored(order.id());
        assertThat(stored.status()).isEqualTo(OrderStatus.PAID);
        assertThat(stored.paymentReference())
                .hasValueSatisfying(it -> assertThat(it.value()).isEqualTo(ref("pi_123")));
        assertThat(service.events.of(order.id()).getLast()).isInstanceOf(OrderPaid.class);
    }

    @Test
    void the_same_payment_reported_again_is_already_paid_and_changes_nothing() {
        var order = placeTwoBooks();
        notifyPayment(order, ref("pi_123"), "25.00");

        var again = notifyPayment(order, ref("pi_123"), "25.00");

        assertThat(again).hasStatusOk();
        assertThat(again).bodyJson().extractingPath("$.result").isEqualTo("ALREADY_PAID");
        assertThat(again).bodyJson().extractingPath("$.status").isEqualTo("PAID");
        assertThat(service.orders.stored(order.id()).version()).isEqualTo(1);
        assertThat(service.events.of(order.id())).hasSize(2);
    }

    @Test
    void a_second_payment_for_a_paid_order_delivered_five_times_requests_one_refund_and_the_order_stays_paid() {
        var order = placeTwoBooks();
        notifyPayment(order, ref("pi_first"), "25.00");
        int before = service.events.of(order.id()).size();

        for (int delivery = 0; delivery < 5; delivery++) {
            var second = notifyPayment(order, ref("pi_second"), "25.00");
            assertThat(second).hasStatusOk();
            assertThat(second).bodyJson().isEqualTo("""
                    {"orderId":"%s","status":"PAID","result":"REFUND_REQUESTED"}""".formatted(order.id()));
        }

        assertThat(service.orders.stored(order.id()).paymentReference())
                .hasValueSatisfying(it -> assertThat(it.value()).isEqualTo(ref("pi_first")));
        assertThat(service.events.of(order.id())).hasSize(before + 1);
        assertThat(service.events.of(order.id()).getLast()).isInstanceOfSatisfying(RefundRequested.class, refund -> {
            assertThat(refund.reason()).isEqualTo(RefundReason.DUPLICATE_PAYMENT);
            assertThat(refund.paymentReference().value()).isEqualTo(ref("pi_second"));
        });
    }

    @Test
    void a_payment_after_the_deadline_is_answered_refund_requested_and_the_order_stays_cancelled_by_timeout() {
        var order = placeTwoBooks();
        service.clock.advance(Duration.ofMinutes(30));

        var late = notifyPayment(order, ref("pi_late"), "25.00");

        assertThat(late).hasStatusOk();
        assertThat(late).bodyJson().isEqualTo("""
                {"orderId":"%s","status":"CANCELLED","result":"REFUND_REQUESTED"}""".formatted(order.id()));
        var stored = service.orders.stored(order.id());
        assertThat(stored.status()).isEqualTo(OrderStatus.CANCELLED);
        assertThat(stored.cancellationReason()).contains(CancellationReason.PAYMENT_TIMEOUT);
        assertThat(service.events.of(order.id()))
                .filteredOn(RefundRequested.class::isInstance)
                .singleElement()
                .isInstanceOfSatisfying(
                        RefundRequested.class,
                        refund -> assertThat(refund.paymentReference().value()).isEqualTo(ref("pi_late")));
    }

    @Test
    void a_payment_captured_before_the_deadline_and_reported_after_it_pays_the_order_as_of_its_capture() {
        var order = placeTwoBooks();
        Instant captured = order.paymentDeadline().minusMillis(40);
        service.clock.advance(Duration.ofMinutes(30).plusMillis(250));

        var response = notify("""
                {"orderId":"%s","paymentReference":"%s","amount":"25.00","currency":"EUR","capturedAt":"%s"}""".formatted(order.id(), ref("pi_edge"), captured));

        assertThat(response).hasStatusOk();
        assertThat(response).bodyJson().extractingPath("$.result").isEqualTo("PAID");
        var stored = service.orders.stored(order.id());
        assertThat(stored.status()).isEqualTo(OrderStatus.PAID);
        assertThat(stored.paidAt()).contains(captured);
    }

    @Test
    void a_payment_captured_after_the_deadline_is_refunded() {
        var order = placeTwoBooks();
        Instant captured = order.paymentDeadline().plusMillis(10);
        service.clock.advance(Duration.ofMinutes(30).plusMillis(250));

        var response = notify("""
                {"orderId":"%s","paymentReference":"%s","amount":"25.00","currency":"EUR","capturedAt":"%s"}""".formatted(order.id(), ref("pi_too_late"), captured));

        assertThat(response).bodyJson().extractingPath("$.result").isEqualTo("REFUND_REQUESTED");
        assertThat(service.orders.stored(order.id()).status()).isEqualTo(OrderStatus.CANCELLED);
    }

    @Test
    void a_capture_time_that_is_not_a_real_date_is_unprocessable_and_changes_nothing() {
        var order = placeTwoBooks();

        var response = notify("""
                {"orderId":"%s","paymentReference":"%s","amount":"25.00","currency":"EUR","capturedAt":"2026-02-30T10:00:00Z"}""".formatted(order.id(), ref("pi_feb30")));

        assertProblem(response, HttpStatus.UNPROCESSABLE_CONTENT, "rule-violated");
        assertThat(response).bodyJson().extractingPath("$.errors[0].field").isEqualTo("capturedAt");
        assertThat(service.orders.stored(order.id()).status()).isEqualTo(OrderStatus.UNPAID);
    }

    @Test
    void a_payment_in_progress_holds_the_order_past_its_deadline_and_its_success_pays_it() {
        var order = placeTwoBooks();
        service.clock.advance(Duration.ofMinutes(29));

        var started = notify("""
                {"orderId":"%s","paymentReference":"%s","amount":"25.00","currency":"EUR","step":"IN_PROGRESS"}""".formatted(order.id(), ref("pi_3ds")));
        service.clock.advance(Duration.ofMinutes(3));
        var read = service.getOrder.get(order.id(), order.customerId());
        var succeeded = notifyPayment(order, ref("pi_3ds"), "25.00");

        assertThat(started).hasStatusOk();
        assertThat(started).bodyJson().isEqualTo("""
                {"orderId":"%s","status":"UNPAID","result":"PAYMENT_IN_PROGRESS"}""".formatted(order.id()));
        assertThat(read.status()).as("a read during the hold does not close it").isEqualTo(OrderStatus.UNPAID);
        assertThat(succeeded).bodyJson().extractingPath("$.result").isEqualTo("PAID");
        assertThat(service.orders.stored(order.id()).status()).isEqualTo(OrderStatus.PAID);
        assertThat(service.events.of(order.id())).noneMatch(RefundRequested.class::isInstance);
    }

    @Test
    void a_failed_payment_after_the_deadline_cancels_the_held_order_at_once() {
        var order = placeTwoBooks();
        service.clock.advance(Duration.ofMinutes(29));
        notify("""
                {"orderId":"%s","paymentReference":"%s","amount":"25.00","currency":"EUR","step":"IN_PROGRESS"}""".formatted(order.id(), ref("pi_declined")));
        service.clock.advance(Duration.ofMinutes(2));

        var failed = notify("""
                {"orderId":"%s","paymentReference":"%s","amount":"25.00","currency":"EUR","step":"FAILED"}""".formatted(order.id(), ref("pi_declined")));

        assertThat(failed).hasStatusOk();
        assertThat(failed).bodyJson().isEqualTo("""
                {"orderId":"%s","status":"CANCELLED","result":"PAYMENT_FAILED"}""".formatted(order.id()));
        assertThat(service.orders.stored(order.id()).cancellationReason()).contains(CancellationReason.PAYMENT_TIMEOUT);
    }

    @Test
    void a_payment_cannot_start_after_the_deadline() {
        var order = placeTwoBooks();
        service.clock.advance(Duration.ofMinutes(31));

        var started = notify("""
                {"orderId":"%s","paymentReference":"%s","amount":"25.00","currency":"EUR","step":"IN_PROGRESS"}""".formatted(order.id(), ref("pi_too_late_to_start")));

        assertProblem(started, HttpStatus.CONFLICT, "order-cancelled");
        assertThat(service.events.of(order.id())).noneMatch(RefundRequested.class::isInstance);
    }

    @Test
    void an_unknown_step_is_a_bad_request() {
        var order = placeTwoBooks();

        var response = notify("""
                {"orderId":"%s","paymentReference":"%s","amount":"25.00","currency":"EUR","step":"AUTHORIZED"}""".formatted(order.id(), ref("pi_step")));

        assertProblem(response, HttpStatus.BAD_REQUEST, "invalid-request");
        assertThat(service.orders.stored(order.id()).status()).isEqualTo(OrderStatus.UNPAID);
    }

    @Test
    void a_late_payment_delivered_five_times_requests_exactly_one_refund_and_changes_nothing_more() {
        var order = placeTwoBooks();
        service.cancelOrder.cancel(order.id(), order.customerId());
        int before = service.events.of(order.id()).size();

        for (int delivery = 0; delivery < 5; delivery++) {
            var response = notifyPayment(order, ref("pi_late"), "25.00");
            assertThat(response).hasStatusOk();
            assertThat(response).bodyJson().extractingPath("$.result").isEqualTo("REFUND_REQUESTED");
        }

        assertThat(service.events.of(order.id())).hasSize(before + 1);
        assertThat(service.events.of(order.id()).getLast()).isInstanceOf(RefundRequested.class);
        assertThat(service.orders.stored(order.id()).status()).isEqualTo(OrderStatus.CANCELLED);
        assertThat(service.orders.stored(order.id()).version()).isEqualTo(1);
    }

    @Test
    void a_payment_delivered_five_times_pays_the_order_once_and_announces_it_once() {
        var order = placeTwoBooks();

        for (int delivery = 0; delivery < 5; delivery++) {
            assertThat(notifyPayment(order, ref("pi_5x"), "25.00")).hasStatusOk();
        }

        assertThat(service.orders.stored(order.id()).version()).isEqualTo(1);
        assertThat(service.events.of(order.id()))
                .filteredOn(OrderPaid.class::isInstance)
                .hasSize(1);
    }

    @Test
    void a_payment_already_applied_to_another_order_is_unprocessable_and_changes_nothing() {
        var first = placeTwoBooks();
        var second = placeTwoBooks();
        notifyPayment(first, ref("pi_once"), "25.00");

        var reused = notifyPayment(second, ref("pi_once"), "25.00");

        assertProblem(reused, HttpStatus.UNPROCESSABLE_CONTENT, "payment-mismatch");
        assertThat(service.orders.stored(second.id()).status()).isEqualTo(OrderStatus.UNPAID);
    }

    @Test
    void a_payment_of_the_wrong_amount_is_unprocessable_and_leaves_the_order_unpaid() {
        var order = placeTwoBooks();

        var mismatch = notifyPayment(order, ref("pi_short"), "24.99");

        assertProblem(mismatch, HttpStatus.UNPROCESSABLE_CONTENT, "payment-mismatch");
        assertThat(mismatch).bodyJson().extractingPath("$.orderStatus").isEqualTo("UNPAID");
        assertThat(service.orders.stored(order.id()).status()).isEqualTo(OrderStatus.UNPAID);
        assertThat(service.orders.stored(order.id()).version()).isZero();
        assertThat(service.receivedPayments.find(new PaymentReference(ref("pi_short"))))
                .hasValueSatisfying(
                        recorded -> assertThat(recorded.outcome()).isEqualTo(ReceivedPayments.Outcome.REFUSED));
    }

    @Test
    void a_payment_in_another_currency_is_unprocessable() {
        var order = placeTwoBooks();

        var response = notify("""
                {"orderId":"%s","paymentReference":"pi_usd","amount":"25.00","currency":"USD"}""".formatted(order.id()));

        assertProblem(response, HttpStatus.UNPROCESSABLE_CONTENT, "payment-mismatch");
    }

    @Test
    void a_payment_for_an_unknown_order_is_not_found() {
        var response = notify("""
                {"orderId":"%s","paymentReference":"pi_1","amount":"25.00","currency":"EUR"}""".formatted(UUID.randomUUID()));

        assertProblem(response, HttpStatus.NOT_FOUND, "order-not-found");
    }

    private RestTestClientResponse notifyPayment(Order order, String reference, String amount) {
        return notify("""
                {"orderId":"%s","paymentReference":"%s","amount":"%s","currency":"EUR"}""".formatted(order.id(), reference, amount));
    }

    /** Signed as the provider signs, at the service's current time. */
    private RestTestClientResponse notify(String body) {
        return RestTestClientResponse.from(http.post()
                .uri("/v1/payment-notifications")
                .contentType(MediaType.APPLICATION_JSON)
                .header(PaymentSignature.HEADER, TestCredentials.paymentSignature(body, service.clock.instant()))
                .body(body)
                .exchange());
    }

    private static void assertProblem(RestTestClientResponse response, HttpStatus status, String slug) {
        assertThat(response).hasStatus(status).hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(response).bodyJson().extractingPath("$.type").isEqualTo("https://problems.acme.com/orders/" + slug);
        assertThat(response).bodyJson().extractingPath("$.status").isEqualTo(status.value());
        assertThat(response).bodyJson().extractingPath("$.instance").isEqualTo("/v1/payment-notifications");
    }
}
