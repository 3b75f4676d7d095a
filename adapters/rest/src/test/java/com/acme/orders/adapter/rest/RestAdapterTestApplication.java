package com.acme.orders.adapter.rest;

import com.acme.orders.application.deadline.ExpireOrder;
import com.acme.orders.application.deadline.InspectDeadlines;
import com.acme.orders.application.deadline.port.DeadlineForecast;
import com.acme.orders.application.fakes.OrderServiceFixture;
import com.acme.orders.application.ordering.CancelOrder;
import com.acme.orders.application.ordering.GetOrder;
import com.acme.orders.application.ordering.ListCustomerOrders;
import com.acme.orders.application.ordering.PlaceOrder;
import com.acme.orders.application.outbox.InspectOutbox;
import com.acme.orders.application.outbox.RequeueParkedEvent;
import com.acme.orders.application.outbox.port.OutboxBacklog;
import com.acme.orders.application.payment.ConfirmPayment;
import java.time.Clock;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.PropertySource;

/**
 * The REST adapter as the service runs it ({@code @Import(RestAdapter.class)}, Spring Boot's auto-configuration), with
 * the real use cases wired to in-memory ports instead of PostgreSQL. Tests assert on {@link OrderServiceFixture}'s
 * repository, clock and events, the way the database would be checked. Nothing is scanned, so a class the adapter
 * forgets to list in {@link RestAdapter} is missing here too, and its tests fail.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import(RestAdapter.class)
// Not application.properties: this module's test classes are on the class path of bootstrap's tests and local run too
// (the raw HTTP client is shared), where a file of that name would set the test secrets.
@PropertySource("classpath:rest-adapter-test.properties")
class RestAdapterTestApplication {

    @Bean
    OrderServiceFixture orderService() {
        return new OrderServiceFixture();
    }

    /** The fixture's clock, so that token expiry and signature tolerance move with the tests' time. */
    @Bean
    Clock clock(OrderServiceFixture service) {
        return service.clock;
    }

    @Bean
    PlaceOrder placeOrder(OrderServiceFixture service) {
        return service.placeOrder;
    }

    @Bean
    GetOrder getOrder(OrderServiceFixture service) {
        return service.getOrder;
    }

    @Bean
    ListCustomerOrders listCustomerOrders(OrderServiceFixture service) {
        return service.listCustomerOrders;
    }

    @Bean
    CancelOrder cancelOrder(OrderServiceFixture service) {
        return service.cancelOrder;
    }

    @Bean
    ConfirmPayment confirmPayment(OrderServiceFixture service) {
        return service.confirmPayment;
    }

    @Bean
    ExpireOrder expireOrder(OrderServiceFixture service) {
        return service.expireOrder;
    }

    // The operator's console, which the tests of this module do not drive: bootstrap's OperatorsConsoleTest does, in a
    // browser, against the real servers.

    @Bean
    InspectDeadlines inspectDeadlines(OrderServiceFixture service) {
        return new InspectDeadlines(
                (now, width, slots) -> new DeadlineForecast.Forecast(0, 0, 0, Collections.nCopies(slots, 0L)),
                service.deadlines,
                service.clock);
    }

    @Bean
    InspectOutbox inspectOutbox(OrderServiceFixture service) {
        return new InspectOutbox(NO_OUTBOX, service.clock);
    }

    @Bean
    RequeueParkedEvent requeueParkedEvent() {
        return new RequeueParkedEvent(NO_OUTBOX);
    }

    private static final OutboxBacklog NO_OUTBOX = new OutboxBacklog() {
        @Override
        public Backlog measure() {
            return new Backlog(0, 0, Optional.empty());
        }

        @Override
        public List<ParkedEvent> parked(int limit) {
            return List.of();
        }

        @Override
        public boolean requeue(long position) {
            return false;
        }
    };
}
