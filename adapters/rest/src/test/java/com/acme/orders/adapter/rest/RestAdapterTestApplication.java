package com.acme.orders.adapter.rest;

import com.acme.orders.application.deadline.ExpireOrder;
import com.acme.orders.application.fakes.OrderServiceFixture;
import com.acme.orders.application.ordering.CancelOrder;
import com.acme.orders.application.ordering.GetOrder;
import com.acme.orders.application.ordering.ListCustomerOrders;
import com.acme.orders.application.ordering.PlaceOrder;
import com.acme.orders.application.payment.ConfirmPayment;
import java.time.Clock;
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
}
