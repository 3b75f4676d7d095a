package com.acme.orders.application.fakes;

import com.acme.orders.application.CancelOrder;
import com.acme.orders.application.ConfirmPayment;
import com.acme.orders.application.ExpireOrder;
import com.acme.orders.application.GetOrder;
import com.acme.orders.application.ListCustomerOrders;
import com.acme.orders.application.OrderChanges;
import com.acme.orders.application.PlaceOrder;
import com.acme.orders.domain.PaymentWindow;
import java.time.Instant;

/** All use cases wired to in-memory ports, for tests that exercise the application without servers. */
public class OrderServiceFixture {

    public final MovableClock clock = new MovableClock(Instant.parse("2026-11-23T10:00:00Z"));
    public final InMemoryOrders orders = new InMemoryOrders();
    public final RecordedEvents events = new RecordedEvents();
    public final InMemoryIdempotencyKeys idempotencyKeys = new InMemoryIdempotencyKeys();
    public final InMemoryReceivedPayments receivedPayments = new InMemoryReceivedPayments();
    public final RecordedDeadlines deadlines = new RecordedDeadlines();
    public final DirectTransactions transactions = new DirectTransactions();
    private final OrderChanges changes = new OrderChanges(orders, events, deadlines, transactions);

    public final PlaceOrder placeOrder =
            new PlaceOrder(orders, idempotencyKeys, orders, events, deadlines, transactions,
                    PaymentWindow.THIRTY_MINUTES, clock);
    public final ExpireOrder expireOrder = new ExpireOrder(changes, clock);
    public final ConfirmPayment confirmPayment = new ConfirmPayment(changes, receivedPayments, clock);
    public final CancelOrder cancelOrder = new CancelOrder(changes, clock);
    public final GetOrder getOrder = new GetOrder(orders, expireOrder, clock);
    public final ListCustomerOrders listCustomerOrders = new ListCustomerOrders(orders, expireOrder, clock);
}
