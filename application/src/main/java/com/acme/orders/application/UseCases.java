package com.acme.orders.application;

import com.acme.orders.application.change.DeadlineTime;
import com.acme.orders.application.change.OrderChanges;
import com.acme.orders.application.change.PassiveClose;
import com.acme.orders.application.change.port.EventPublication;
import com.acme.orders.application.change.port.OrderRepository;
import com.acme.orders.application.change.port.Transactions;
import com.acme.orders.application.deadline.DeadlineIndexUpdates;
import com.acme.orders.application.deadline.ExpireDueOrders;
import com.acme.orders.application.deadline.ExpireOrder;
import com.acme.orders.application.deadline.RebuildDeadlineIndex;
import com.acme.orders.application.deadline.RemindOfDeadlines;
import com.acme.orders.application.deadline.SweepOverdueOrders;
import com.acme.orders.application.deadline.port.DeadlineIndex;
import com.acme.orders.application.deadline.port.UnpaidOrders;
import com.acme.orders.application.ordering.CancelOrder;
import com.acme.orders.application.ordering.ForgetIdempotencyKeys;
import com.acme.orders.application.ordering.GetOrder;
import com.acme.orders.application.ordering.ListCustomerOrders;
import com.acme.orders.application.ordering.PlaceOrder;
import com.acme.orders.application.ordering.port.CustomerOrders;
import com.acme.orders.application.ordering.port.IdempotencyKeys;
import com.acme.orders.application.ordering.port.OrderNumberSource;
import com.acme.orders.application.payment.ConfirmPayment;
import com.acme.orders.application.payment.port.ReceivedPayments;
import com.acme.orders.domain.PaymentWindow;
import java.time.Clock;
import java.time.Duration;

/**
 * The use cases of ordering, payment and deadlines, assembled from their ports: the one place that says which use
 * case needs which port and setting. The service's wiring and every test that needs the use cases build them here.
 * (The outbox relay has ports of its own and is built on its own: {@code RelayOutbox}.)
 */
public record UseCases(
        PlaceOrder placeOrder,
        GetOrder getOrder,
        ListCustomerOrders listCustomerOrders,
        CancelOrder cancelOrder,
        ForgetIdempotencyKeys forgetIdempotencyKeys,
        ConfirmPayment confirmPayment,
        ExpireOrder expireOrder,
        ExpireDueOrders expireDueOrders,
        SweepOverdueOrders sweepOverdueOrders,
        RebuildDeadlineIndex rebuildDeadlineIndex,
        RemindOfDeadlines remindOfDeadlines) {

    /** What the use cases need from the outside world. */
    public record Ports(
            OrderRepository orders,
            CustomerOrders customerOrders,
            UnpaidOrders unpaidOrders,
            OrderNumberSource numbers,
            IdempotencyKeys idempotencyKeys,
            ReceivedPayments receivedPayments,
            EventPublication events,
            DeadlineIndex deadlines,
            DeadlineIndex reminders,
            Transactions transactions,
            Clock clock) {}

    /**
     * @param paymentWindow how long a customer has to pay
     * @param batchSize     orders per transaction of the timeout worker and the sweeper, and per page of a rebuild
     * @param lease         how long a claim of the deadline index hides its orders from other workers
     * @param sweepMargin   how long past its deadline an order is left to the worker before the sweeper takes it
     * @param paymentHold   how long past its deadline an order waits for the outcome of a payment in progress
     * @param reminderBefore how long ahead of its deadline the customer of an unpaid order is reminded; zero for never
     * @param settlementGrace how long past its deadline the timeout waits for payments captured before it
     */
    public record Settings(
            PaymentWindow paymentWindow,
            int batchSize,
            Duration lease,
            Duration sweepMargin,
            Duration paymentHold,
            Duration reminderBefore,
            Duration settlementGrace) {}

    public static UseCases assemble(Ports ports, Settings settings) {
        Clock clock = ports.clock();
        var indexUpdates = new DeadlineIndexUpdates(ports.deadlines(), ports.reminders(), settings.reminderBefore());
        var changes = new OrderChanges(ports.orders(), ports.events(), indexUpdates, ports.transactions());
        var deadlineTime = new DeadlineTime(clock, ports.transactions());
        var passiveClose = new PassiveClose(changes, clock, deadlineTime);
        return new UseCases(
                new PlaceOrder(
                        ports.orders(),
                        ports.idempotencyKeys(),
                        ports.numbers(),
                        ports.events(),
                        indexUpdates,
                        ports.transactions(),
                        settings.paymentWindow(),
                        settings.settlementGrace(),
                        clock),
                new GetOrder(ports.orders(), passiveClose),
                new ListCustomerOrders(ports.customerOrders(), passiveClose, clock),
                new CancelOrder(changes, deadlineTime),
                new ForgetIdempotencyKeys(ports.idempotencyKeys(), ports.transactions(), clock),
                new ConfirmPayment(changes, ports.receivedPayments(), deadlineTime, settings.paymentHold()),
                new ExpireOrder(changes, deadlineTime),
                new ExpireDueOrders(
                        ports.deadlines(), changes, deadlineTime, clock, settings.batchSize(), settings.lease()),
                new SweepOverdueOrders(
                        ports.unpaidOrders(),
                        changes,
                        clock,
                        deadlineTime,
                        settings.batchSize(),
                        settings.sweepMargin()),
                new RebuildDeadlineIndex(ports.unpaidOrders(), ports.deadlines(), RebuildDeadlineIndex.PAGE_SIZE),
                new RemindOfDeadlines(
                        ports.reminders(),
                        ports.unpaidOrders(),
                        changes,
                        clock,
                        settings.reminderBefore(),
                        settings.batchSize(),
                        settings.lease()));
    }
}
