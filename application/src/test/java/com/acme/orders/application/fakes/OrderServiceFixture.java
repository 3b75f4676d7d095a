package com.acme.orders.application.fakes;

import com.acme.orders.application.CancelOrder;
import com.acme.orders.application.ConfirmPayment;
import com.acme.orders.application.ExpireDueOrders;
import com.acme.orders.application.ExpireOrder;
import com.acme.orders.application.GetOrder;
import com.acme.orders.application.ListCustomerOrders;
import com.acme.orders.application.OrderChanges;
import com.acme.orders.application.PlaceOrder;
import com.acme.orders.application.RebuildDeadlineIndex;
import com.acme.orders.application.SweepOverdueOrders;
import com.acme.orders.domain.PaymentWindow;
import java.time.Duration;
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

    /** Small on purpose, so that tests see several batches without placing hundreds of orders. */
    public static final int BATCH_SIZE = 10;
    public static final Duration LEASE = Duration.ofSeconds(30);
    public static final Duration SWEEP_MARGIN = Duration.ofMinutes(1);
    public final ExpireDueOrders expireDueOrders = new ExpireDueOrders(deadlines, changes, clock, BATCH_SIZE, LEASE);
    public final SweepOverdueOrders sweepOverdueOrders =
            new SweepOverdueOrders(orders, changes, clock, BATCH_SIZE, SWEEP_MARGIN);
    public final RebuildDeadlineIndex rebuildDeadlineIndex = new RebuildDeadlineIndex(orders, deadlines, BATCH_SIZE);
}
