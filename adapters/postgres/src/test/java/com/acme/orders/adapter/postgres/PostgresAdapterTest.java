package com.acme.orders.adapter.postgres;

import com.acme.orders.adapter.postgres.change.PostgresOrderRepository;
import com.acme.orders.adapter.postgres.change.PostgresTransactions;
import com.acme.orders.adapter.postgres.deadline.PostgresUnpaidOrders;
import com.acme.orders.adapter.postgres.ordering.PostgresCustomerOrders;
import com.acme.orders.adapter.postgres.ordering.PostgresIdempotencyKeys;
import com.acme.orders.adapter.postgres.ordering.PostgresOrderNumberSource;
import com.acme.orders.adapter.postgres.outbox.PostgresEventPublication;
import com.acme.orders.adapter.postgres.outbox.PostgresPendingEvents;
import com.acme.orders.adapter.postgres.payment.PostgresReceivedPayments;
import com.acme.orders.application.UseCases;
import com.acme.orders.application.change.port.EventPublication;
import com.acme.orders.application.deadline.port.DeadlineIndex;
import com.acme.orders.application.fakes.RecordedDeadlines;
import com.acme.orders.domain.PaymentWindow;
import java.time.Clock;
import java.time.Duration;
import org.jooq.DSLContext;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * What every test of this adapter starts from: the adapter's beans on one cached Spring context and a real
 * PostgreSQL, and the application's use cases assembled over them, as the service assembles them.
 */
@SpringBootTest(classes = PostgresAdapterTestContext.class)
public abstract class PostgresAdapterTest {

    @Autowired
    protected PostgresOrderRepository orders;

    @Autowired
    protected PostgresCustomerOrders customerOrders;

    @Autowired
    protected PostgresUnpaidOrders unpaidOrders;

    @Autowired
    protected PostgresOrderNumberSource numbers;

    @Autowired
    protected PostgresTransactions transactions;

    @Autowired
    protected PostgresIdempotencyKeys idempotencyKeys;

    @Autowired
    protected PostgresReceivedPayments receivedPayments;

    @Autowired
    protected PostgresEventPublication publication;

    @Autowired
    protected PostgresPendingEvents outbox;

    @Autowired
    protected DSLContext db;

    /** The use cases over this adapter, with the test's own events, deadline index and clock. */
    protected UseCases useCases(EventPublication events, DeadlineIndex deadlines, Clock clock) {
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
                        new RecordedDeadlines(),
                        transactions,
                        clock),
                new UseCases.Settings(
                        PaymentWindow.THIRTY_MINUTES,
                        500,
                        Duration.ofSeconds(30),
                        Duration.ofMinutes(1),
                        Duration.ofMinutes(10),
                        Duration.ofMinutes(5),
                        Duration.ZERO));
    }
}
