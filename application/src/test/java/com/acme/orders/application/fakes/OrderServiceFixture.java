package com.acme.orders.application.fakes;

import com.acme.orders.application.UseCases;
import com.acme.orders.application.deadline.ExpireDueOrders;
import com.acme.orders.application.deadline.ExpireOrder;
import com.acme.orders.application.deadline.RebuildDeadlineIndex;
import com.acme.orders.application.deadline.SweepOverdueOrders;
import com.acme.orders.application.ordering.CancelOrder;
import com.acme.orders.application.ordering.ForgetIdempotencyKeys;
import com.acme.orders.application.ordering.GetOrder;
import com.acme.orders.application.ordering.ListCustomerOrders;
import com.acme.orders.application.ordering.PlaceOrder;
import com.acme.orders.application.payment.ConfirmPayment;
import com.acme.orders.domain.PaymentWindow;
import java.time.Duration;
import java.time.Instant;

/** All use cases wired to in-memory ports, for tests that exercise the application without servers. */
public class OrderServiceFixture {

    /** Small on purpose, so that tests see several batches without placing hundreds of orders. */
    public static final int BATCH_SIZE = 10;

    public static final Duration LEASE = Duration.ofSeconds(30);
    public static final Duration SWEEP_MARGIN = Duration.ofMinutes(1);
    public static final Duration PAYMENT_HOLD = Duration.ofMinutes(10);
    public static final Duration REMINDER_BEFORE = Duration.ofMinutes(5);

    public final MovableClock clock = new MovableClock(Instant.parse("2026-11-23T10:00:00Z"));
    public final InMemoryOrders orders = new InMemoryOrders();
    public final RecordedEvents events = new RecordedEvents();
    public final InMemoryIdempotencyKeys idempotencyKeys = new InMemoryIdempotencyKeys();
    public final InMemoryReceivedPayments receivedPayments = new InMemoryReceivedPayments();
    public final RecordedDeadlines deadlines = new RecordedDeadlines();
    public final RecordedDeadlines reminders = new RecordedDeadlines();
    public final DirectTransactions transactions = new DirectTransactions();
    public final UseCases useCases = UseCases.assemble(
            new UseCases.Ports(
                    orders,
                    orders,
                    orders,
                    orders,
                    idempotencyKeys,
                    receivedPayments,
                    events,
                    deadlines,
                    reminders,
                    transactions,
                    clock),
            new UseCases.Settings(
                    PaymentWindow.THIRTY_MINUTES,
                    BATCH_SIZE,
                    LEASE,
                    SWEEP_MARGIN,
                    PAYMENT_HOLD,
                    REMINDER_BEFORE,
                    Duration.ZERO));

    public final PlaceOrder placeOrder = useCases.placeOrder();
    public final GetOrder getOrder = useCases.getOrder();
    public final ListCustomerOrders listCustomerOrders = useCases.listCustomerOrders();
    public final CancelOrder cancelOrder = useCases.cancelOrder();
    public final ForgetIdempotencyKeys forgetIdempotencyKeys = useCases.forgetIdempotencyKeys();
    public final ConfirmPayment confirmPayment = useCases.confirmPayment();
    public final ExpireOrder expireOrder = useCases.expireOrder();
    public final ExpireDueOrders expireDueOrders = useCases.expireDueOrders();
    public final SweepOverdueOrders sweepOverdueOrders = useCases.sweepOverdueOrders();
    public final RebuildDeadlineIndex rebuildDeadlineIndex = useCases.rebuildDeadlineIndex();
}
