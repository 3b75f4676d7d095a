package com.acme.orders.domain;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** Test data: an unpaid order placed at a known instant, and payments that do or do not match it. */
final class Orders {

    static final Instant PLACED_AT = Instant.parse("2026-11-23T10:00:00Z");
    static final Duration WINDOW = Duration.ofMinutes(30);
    static final Instant DEADLINE = PLACED_AT.plus(WINDOW);
    static final CustomerId ALICE = new CustomerId("alice");

    private Orders() {}

    static Order unpaid() {
        return Order.place(
                OrderId.newId(),
                OrderNumber.of(LocalDate.of(2026, 11, 23), 1),
                ALICE,
                List.of(item("BOOK-1", 2, "12.50"), item("PEN-7", 1, "0.99")),
                PLACED_AT,
                WINDOW);
    }

    static LineItem item(String sku, int quantity, String unitPrice) {
        return new LineItem(new Sku(sku), new Quantity(quantity), Money.of(unitPrice, "EUR"));
    }

    static Payment payment(String reference, String amount) {
        return new Payment(new PaymentReference(reference), Money.of(amount, "EUR"));
    }

    static Payment fullPayment(String reference) {
        return payment(reference, "25.99");
    }
}
