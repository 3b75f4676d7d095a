package com.acme.orders.adapter.rest;

import com.acme.orders.application.CancelOrder;
import com.acme.orders.application.ConfirmPayment;
import com.acme.orders.application.ExpireOrder;
import com.acme.orders.application.GetOrder;
import com.acme.orders.application.ListCustomerOrders;
import com.acme.orders.application.PlaceOrder;
import com.acme.orders.application.fakes.OrderServiceFixture;
import java.time.Clock;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;

/**
 * The REST adapter as bootstrap runs it (component and configuration properties scan of this package, Spring Boot's
 * auto-configuration), with the
 * real use cases wired to in-memory ports instead of PostgreSQL. Tests assert on {@link OrderServiceFixture}'s
 * repository, clock and events, the way the database would be checked.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@ComponentScan
@ConfigurationPropertiesScan
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
