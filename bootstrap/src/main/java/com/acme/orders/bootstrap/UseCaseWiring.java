package com.acme.orders.bootstrap;

import com.acme.orders.application.CancelOrder;
import com.acme.orders.application.ConfirmPayment;
import com.acme.orders.application.ExpireOrder;
import com.acme.orders.application.GetOrder;
import com.acme.orders.application.ListCustomerOrders;
import com.acme.orders.application.OrderChanges;
import com.acme.orders.application.PlaceOrder;
import com.acme.orders.application.RelayOutbox;
import com.acme.orders.application.port.DeadlineIndex;
import com.acme.orders.application.port.EventBroker;
import com.acme.orders.application.port.EventPublication;
import com.acme.orders.application.port.IdempotencyKeys;
import com.acme.orders.application.port.OrderNumberSource;
import com.acme.orders.application.port.OrderRepository;
import com.acme.orders.application.port.OutboxSignal;
import com.acme.orders.application.port.PendingEvents;
import com.acme.orders.application.port.ReceivedPayments;
import com.acme.orders.application.port.Transactions;
import java.time.Clock;
import java.time.Duration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The use cases are plain Java; this is the one place that hands them their ports. The transaction of each use case
 * is opened by the use case itself through {@link Transactions}, so no proxy or annotation decides where it begins.
 */
@Configuration(proxyBeanMethods = false)
class UseCaseWiring {

    /** Ticks in microseconds, PostgreSQL's precision, so an order reads back exactly as it was answered when placed. */
    @Bean
    Clock clock() {
        return Clock.tick(Clock.systemUTC(), Duration.ofNanos(1_000));
    }

    @Bean
    OrderChanges orderChanges(OrderRepository orders, EventPublication events, DeadlineIndex deadlines,
                              Transactions transactions) {
        return new OrderChanges(orders, events, deadlines, transactions);
    }

    @Bean
    PlaceOrder placeOrder(OrderRepository orders, IdempotencyKeys idempotencyKeys, OrderNumberSource numbers,
                          EventPublication events, DeadlineIndex deadlines, Transactions transactions,
                          OrderServiceProperties properties, Clock clock) {
        return new PlaceOrder(orders, idempotencyKeys, numbers, events, deadlines, transactions,
                properties.paymentWindow().toPaymentWindow(), clock);
    }

    @Bean
    ExpireOrder expireOrder(OrderChanges changes, Clock clock) {
        return new ExpireOrder(changes, clock);
    }

    @Bean
    ConfirmPayment confirmPayment(OrderChanges changes, ReceivedPayments receivedPayments, Clock clock) {
        return new ConfirmPayment(changes, receivedPayments, clock);
    }

    @Bean
    CancelOrder cancelOrder(OrderChanges changes, Clock clock) {
        return new CancelOrder(changes, clock);
    }

    @Bean
    GetOrder getOrder(OrderRepository orders, ExpireOrder expireOrder, Clock clock) {
        return new GetOrder(orders, expireOrder, clock);
    }

    @Bean
    ListCustomerOrders listCustomerOrders(OrderRepository orders, ExpireOrder expireOrder, Clock clock) {
        return new ListCustomerOrders(orders, expireOrder, clock);
    }

    @Bean
    RelayOutbox relayOutbox(PendingEvents outbox, EventBroker broker, OutboxSignal signal, Transactions transactions,
                            OutboxRelayProperties properties) {
        // Wall time, not the business clock: backoff is compared with the instants the outbox rows were written at.
        return new RelayOutbox(outbox, broker, signal, transactions, properties.toSettings(), Clock.systemUTC());
    }
}
