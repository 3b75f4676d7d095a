package com.acme.orders.adapter.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import com.acme.orders.domain.CustomerId;
import com.acme.orders.domain.LineItem;
import com.acme.orders.domain.Money;
import com.acme.orders.domain.Order;
import com.acme.orders.domain.OrderId;
import com.acme.orders.domain.OrderNumber;
import com.acme.orders.domain.Payment;
import com.acme.orders.domain.PaymentReference;
import com.acme.orders.domain.Quantity;
import com.acme.orders.domain.Sku;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;

/** Orders for the tests of this module, and the one way they compare a stored order with the order that was stored. */
public final class TestOrders {

    public static final CustomerId ALICE = new CustomerId("alice");
    public static final CustomerId BOB = new CustomerId("bob");
    /** With nanoseconds on purpose: a Clock may hand them out, PostgreSQL keeps microseconds. */
    public static final Instant NOW = Instant.parse("2026-11-23T10:00:00.123456789Z");

    public static final LocalDate TODAY = LocalDate.of(2026, 11, 23);
    public static final Duration PAYMENT_WINDOW = Duration.ofMinutes(30);

    private TestOrders() {}

    public static List<LineItem> twoBooks() {
        return List.of(new LineItem(new Sku("BOOK-1"), new Quantity(2), Money.of("12.50", "EUR")));
    }

    public static Order unpaid(OrderNumber number, CustomerId customer, Instant placedAt, List<LineItem> items) {
        return Order.place(OrderId.newId(), number, customer, items, placedAt, PAYMENT_WINDOW);
    }

    public static Order unpaid(OrderNumber number, CustomerId customer, Instant placedAt) {
        return unpaid(number, customer, placedAt, twoBooks());
    }

    /** The exact amount, as the payment provider reports it for this order. */
    public static Payment paymentFor(Order order) {
        return new Payment(new PaymentReference("pi_" + order.number().value()), order.total());
    }

    public static Instant micros(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MICROS);
    }

    /** Every field the database holds, instants at PostgreSQL's microsecond precision. */
    public static void assertStoredAs(Order stored, Order expected, long expectedVersion) {
        assertThat(stored.id()).isEqualTo(expected.id());
        assertThat(stored.number()).isEqualTo(expected.number());
        assertThat(stored.customerId()).isEqualTo(expected.customerId());
        assertThat(stored.items()).isEqualTo(expected.items());
        assertThat(stored.total()).isEqualTo(expected.total());
        assertThat(stored.createdAt()).isEqualTo(micros(expected.createdAt()));
        assertThat(stored.paymentDeadline()).isEqualTo(micros(expected.paymentDeadline()));
        assertThat(stored.status()).isEqualTo(expected.status());
        assertThat(stored.paymentReference()).isEqualTo(expected.paymentReference());
        assertThat(stored.paidAt()).isEqualTo(expected.paidAt().map(TestOrders::micros));
        assertThat(stored.cancelledAt()).isEqualTo(expected.cancelledAt().map(TestOrders::micros));
        assertThat(stored.cancellationReason()).isEqualTo(expected.cancellationReason());
        assertThat(stored.version()).isEqualTo(expectedVersion);
        assertThat(stored.recordedEvents())
                .as("a loaded order has raised nothing")
                .isEmpty();
    }
}
