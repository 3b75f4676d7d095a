package com.acme.orders.adapter.rest.protection;

import static org.assertj.core.api.Assertions.assertThat;

import com.acme.orders.adapter.rest.security.PaymentSignature;
import com.acme.orders.adapter.rest.security.TestCredentials;
import com.acme.orders.application.UseCases;
import com.acme.orders.application.change.port.Transactions;
import com.acme.orders.application.fakes.OrderServiceFixture;
import com.acme.orders.application.ordering.PlaceOrder;
import com.acme.orders.application.payment.ConfirmPayment;
import com.acme.orders.domain.CustomerId;
import com.acme.orders.domain.LineItem;
import com.acme.orders.domain.Money;
import com.acme.orders.domain.Order;
import com.acme.orders.domain.OrderStatus;
import com.acme.orders.domain.PaymentWindow;
import com.acme.orders.domain.Quantity;
import com.acme.orders.domain.Sku;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;
import org.springframework.test.web.servlet.client.assertj.RestTestClientResponse;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * What a payment provider sees when the service is overloaded: a quick 503 {@code service-busy} with
 * {@code Retry-After}, never a 500 after a long wait. The database's behaviour under load is played by
 * {@link BusyDatabase}, behind the real {@link ConfirmPayment}; the in-flight limit is 2 so that two held requests
 * saturate it.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "orders.http.max-requests-in-flight=" + ServiceBusyTest.LIMIT)
@AutoConfigureRestTestClient
@Import(ServiceBusyTest.BusyDatabaseWiring.class)
class ServiceBusyTest {

    static final int LIMIT = 2;

    @Autowired
    RestTestClient http;

    @Autowired
    OrderServiceFixture service;

    @Autowired
    BusyDatabase database;

    /** A thread per client: the common pool may have a single thread on a small machine. */
    private final ExecutorService clients = Executors.newVirtualThreadPerTaskExecutor();

    @AfterEach
    void recover() {
        database.recover();
        clients.close();
    }

    @Test
    void a_payment_that_gets_no_database_connection_in_time_is_told_to_retry_in_a_second_and_nothing_changes() {
        var order = placeTwoBooks();
        database.failEveryTransaction(new CannotCreateTransactionException(
                "Could not open JDBC Connection for transaction", DatabaseOverloadTest.hikariTimeout()));

        var response = notifyPayment(order);

        assertThat(response)
                .hasStatus(HttpStatus.SERVICE_UNAVAILABLE)
                .hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .hasHeader(HttpHeaders.RETRY_AFTER, "1");
        assertThat(response).bodyJson().isStrictlyEqualTo("""
                {"type":"https://problems.acme.com/orders/service-busy","title":"The service is busy; retry later",
                 "status":503,"detail":"the service is too busy to answer now; retry after 1 s",
                 "instance":"/v1/payment-notifications"}""");
        assertThat(service.orders.stored(order.id()).status()).isEqualTo(OrderStatus.UNPAID);
    }

    @Test
    void a_bug_behind_a_payment_is_still_a_500_internal_error() {
        var order = placeTwoBooks();
        database.failEveryTransaction(new IllegalStateException("a bug in the mapping"));

        var response = notifyPayment(order);

        assertThat(response).hasStatus(HttpStatus.INTERNAL_SERVER_ERROR);
        assertThat(response)
                .bodyJson()
                .extractingPath("$.type")
                .isEqualTo("https://problems.acme.com/orders/internal-error");
        assertThat(response).doesNotContainHeader(HttpHeaders.RETRY_AFTER);
    }

    @Test
    void a_request_over_the_in_flight_limit_is_refused_at_once_and_the_requests_in_flight_still_succeed()
            throws Exception {
        var first = placeTwoBooks();
        var second = placeTwoBooks();
        var third = placeTwoBooks();
        database.holdEveryTransaction();
        var inFlight = List.of(
                CompletableFuture.supplyAsync(() -> notifyPayment(first), clients),
                CompletableFuture.supplyAsync(() -> notifyPayment(second), clients));
        database.awaitHeld(LIMIT);

        var refused = notifyPayment(third);
        var documentation = http.get().uri("/v3/api-docs").exchange();

        assertThat(refused).hasStatus(HttpStatus.SERVICE_UNAVAILABLE).hasHeader(HttpHeaders.RETRY_AFTER, "1");
        assertThat(refused)
                .bodyJson()
                .extractingPath("$.type")
                .isEqualTo("https://problems.acme.com/orders/service-busy");
        documentation.expectStatus().isOk();
        assertThat(inFlight).noneMatch(CompletableFuture::isDone);

        database.release();
        for (var response : inFlight) {
            assertThat(response.get(10, TimeUnit.SECONDS)).hasStatusOk();
        }
        assertThat(service.orders.stored(first.id()).status()).isEqualTo(OrderStatus.PAID);
        assertThat(service.orders.stored(second.id()).status()).isEqualTo(OrderStatus.PAID);
        assertThat(service.orders.stored(third.id()).status()).isEqualTo(OrderStatus.UNPAID);
        assertThat(notifyPayment(third)).as("the permits are given back").hasStatusOk();
    }

    private Order placeTwoBooks() {
        return service.placeOrder.place(new PlaceOrder.Command(
                new CustomerId("alice-" + UUID.randomUUID()),
                List.of(new LineItem(new Sku("BOOK-1"), new Quantity(2), Money.of("12.50", "EUR"))),
                Optional.empty()));
    }

    private RestTestClientResponse notifyPayment(Order order) {
        String body = """
                {"orderId":"%s","paymentReference":"pi_%s","amount":"25.00","currency":"EUR"}""".formatted(order.id(), UUID.randomUUID());
        return RestTestClientResponse.from(http.post()
                .uri("/v1/payment-notifications")
                .contentType(MediaType.APPLICATION_JSON)
                .header(PaymentSignature.HEADER, TestCredentials.paymentSignature(body, service.clock.instant()))
                .body(body)
                .exchange());
    }

    /** The real use case over the fixture's in-memory ports, with transactions that behave like a busy database. */
    static class BusyDatabaseWiring {

        @Bean
        BusyDatabase busyDatabase() {
            return new BusyDatabase();
        }

        @Bean
        @Primary
        ConfirmPayment confirmPaymentOnABusyDatabase(OrderServiceFixture service, BusyDatabase database) {
            return UseCases.assemble(
                            new UseCases.Ports(
                                    service.orders,
                                    service.orders,
                                    service.orders,
                                    service.orders,
                                    service.idempotencyKeys,
                                    service.receivedPayments,
                                    service.events,
                                    service.deadlines,
                                    service.reminders,
                                    database,
                                    service.clock),
                            new UseCases.Settings(
                                    PaymentWindow.THIRTY_MINUTES,
                                    OrderServiceFixture.BATCH_SIZE,
                                    OrderServiceFixture.LEASE,
                                    OrderServiceFixture.SWEEP_MARGIN,
                                    OrderServiceFixture.PAYMENT_HOLD,
                                    OrderServiceFixture.REMINDER_BEFORE,
                                    java.time.Duration.ZERO))
                    .confirmPayment();
        }
    }

    /**
     * Transactions as PostgreSQL behind a saturated pool gives them: failing as the pool fails, or holding the
     * request until the test lets it go. Healthy until told otherwise.
     */
    static class BusyDatabase implements Transactions {

        private volatile RuntimeException failure;
        private volatile CountDownLatch hold;
        private final Semaphore held = new Semaphore(0);

        void failEveryTransaction(RuntimeException failure) {
            this.failure = failure;
        }

        void holdEveryTransaction() {
            hold = new CountDownLatch(1);
        }

        void awaitHeld(int transactions) throws InterruptedException {
            assertThat(held.tryAcquire(transactions, 10, TimeUnit.SECONDS))
                    .as("requests held in flight")
                    .isTrue();
        }

        void release() {
            hold.countDown();
        }

        void recover() {
            failure = null;
            if (hold != null) {
                hold.countDown();
            }
            hold = null;
        }

        @Override
        public <T> T inTransaction(Supplier<T> work) {
            if (failure != null) {
                throw failure;
            }
            var latch = hold;
            if (latch != null) {
                held.release();
                try {
                    latch.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
            }
            return work.get();
        }
    }
}
