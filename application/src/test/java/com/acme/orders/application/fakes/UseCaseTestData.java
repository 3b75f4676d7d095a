package com.acme.orders.application.fakes;

import com.acme.orders.application.ordering.PlaceOrder;
import com.acme.orders.domain.CustomerId;
import com.acme.orders.domain.LineItem;
import com.acme.orders.domain.Money;
import com.acme.orders.domain.Payment;
import com.acme.orders.domain.PaymentReference;
import com.acme.orders.domain.Quantity;
import com.acme.orders.domain.Sku;
import java.util.List;
import java.util.Optional;

public final class UseCaseTestData {

    public static final CustomerId ALICE = new CustomerId("alice");
    public static final CustomerId BOB = new CustomerId("bob");

    private UseCaseTestData() {}

    /** Two books at 12.50 EUR: 25.00 EUR to pay. */
    public static PlaceOrder.Command twoBooksFor(CustomerId customer) {
        return new PlaceOrder.Command(
                customer,
                List.of(new LineItem(new Sku("BOOK-1"), new Quantity(2), Money.of("12.50", "EUR"))),
                Optional.empty());
    }

    public static Payment paymentOf(String amount, String reference) {
        return new Payment(new PaymentReference(reference), Money.of(amount, "EUR"));
    }
}
