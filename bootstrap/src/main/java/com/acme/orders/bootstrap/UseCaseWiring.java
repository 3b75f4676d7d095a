package com.acme.orders.bootstrap;

import com.acme.orders.adapter.redis.RedisAdapter;
import com.acme.orders.adapter.scheduling.deadline.DeadlineProperties;
import com.acme.orders.adapter.scheduling.deadline.ReminderProperties;
import com.acme.orders.application.UseCases;
import com.acme.orders.application.change.port.EventPublication;
import com.acme.orders.application.change.port.OrderRepository;
import com.acme.orders.application.change.port.Transactions;
import com.acme.orders.application.deadline.ExpireDueOrders;
import com.acme.orders.application.deadline.ExpireOrder;
import com.acme.orders.application.deadline.InspectDeadlines;
import com.acme.orders.application.deadline.RebuildDeadlineIndex;
import com.acme.orders.application.deadline.RemindOfDeadlines;
import com.acme.orders.application.deadline.SweepOverdueOrders;
import com.acme.orders.application.deadline.port.DeadlineForecast;
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
import java.time.Clock;
import java.time.Duration;
import java.util.function.Supplier;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The use cases of ordering, payment and deadlines, assembled by {@link UseCases} from the ports the adapters
 * provide, and offered one by one to the adapters that drive them. The transaction of each use case is opened by the
 * use case itself through {@link Transactions}, so no proxy or annotation decides where it begins.
 */
@Configuration(proxyBeanMethods = false)
class UseCaseWiring {

    /**
     * Ticks in microseconds, PostgreSQL's precision, so an order reads back exactly as it was answered when placed.
     * Offset only when {@code orders.clock.offset} says so: the reliability run's skewed instance.
     */
    @Bean
    Clock clock(OrderServiceProperties service) {
        return Clock.tick(Clock.offset(Clock.systemUTC(), service.clock().offset()), Duration.ofNanos(1_000));
    }

    @Bean
    UseCases useCases(
            OrderRepository orders,
            CustomerOrders customerOrders,
            UnpaidOrders unpaidOrders,
            OrderNumberSource numbers,
            IdempotencyKeys idempotencyKeys,
            ReceivedPayments receivedPayments,
            EventPublication events,
            DeadlineIndex deadlines,
            @Qualifier(RedisAdapter.REMINDERS) DeadlineIndex reminders,
            Transactions transactions,
            Clock clock,
            OrderServiceProperties service,
            DeadlineProperties timeouts,
            ReminderProperties reminderSettings) {
        return UseCases.assemble(
                new UseCases.Ports(
                        orders,
                        customerOrders,
                        unpaidOrders,
                        numbers,
                        idempotencyKeys,
                        receivedPayments,
                        events,
                        deadlines,
                        reminders,
                        service.clock().checkDatabase() ? transactions : new WithoutDatabaseClock(transactions),
                        clock),
                new UseCases.Settings(
                        service.paymentWindow().toPaymentWindow(),
                        timeouts.batchSize(),
                        timeouts.lease(),
                        timeouts.sweeperMargin(),
                        service.payments().inProgressHold(),
                        reminderSettings.before(),
                        service.payments().settlementGrace()));
    }

    // ordering, driven by the REST adapter

    @Bean
    PlaceOrder placeOrder(UseCases useCases) {
        return useCases.placeOrder();
    }

    @Bean
    GetOrder getOrder(UseCases useCases) {
        return useCases.getOrder();
    }

    @Bean
    ListCustomerOrders listCustomerOrders(UseCases useCases) {
        return useCases.listCustomerOrders();
    }

    @Bean
    CancelOrder cancelOrder(UseCases useCases) {
        return useCases.cancelOrder();
    }

    // ordering, driven by the scheduling adapter

    @Bean
    ForgetIdempotencyKeys forgetIdempotencyKeys(UseCases useCases) {
        return useCases.forgetIdempotencyKeys();
    }

    // payment, driven by the REST adapter

    @Bean
    ConfirmPayment confirmPayment(UseCases useCases) {
        return useCases.confirmPayment();
    }

    // deadline, driven by the scheduling adapter

    @Bean
    ExpireOrder expireOrder(UseCases useCases) {
        return useCases.expireOrder();
    }

    @Bean
    ExpireDueOrders expireDueOrders(UseCases useCases) {
        return useCases.expireDueOrders();
    }

    @Bean
    SweepOverdueOrders sweepOverdueOrders(UseCases useCases) {
        return useCases.sweepOverdueOrders();
    }

    @Bean
    RemindOfDeadlines remindOfDeadlines(UseCases useCases) {
        return useCases.remindOfDeadlines();
    }

    @Bean
    RebuildDeadlineIndex rebuildDeadlineIndex(UseCases useCases) {
        return useCases.rebuildDeadlineIndex();
    }

    // deadline, driven by the operator's console of the REST adapter: it reads and decides nothing, so it needs
    // neither the use cases' settings nor their transactions.

    @Bean
    InspectDeadlines inspectDeadlines(DeadlineForecast forecast, DeadlineIndex deadlines, Clock clock) {
        return new InspectDeadlines(forecast, deadlines, clock);
    }

    /**
     * For a service whose time is simulated by moving its {@link Clock} (tests): deadlines judged by that clock alone,
     * since the database's, which cannot be moved, would keep every moved deadline in the future.
     */
    private record WithoutDatabaseClock(Transactions transactions) implements Transactions {

        @Override
        public <T> T inTransaction(Supplier<T> work) {
            return transactions.inTransaction(work);
        }

        @Override
        public boolean isUnavailable(RuntimeException failure) {
            return transactions.isUnavailable(failure);
        }
    }
}
