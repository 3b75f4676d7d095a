package com.acme.orders.bootstrap;

import com.acme.orders.application.port.DeadlineIndex;
import com.acme.orders.domain.OrderId;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Stand-in for the port whose adapter comes in its own issue: the Redis deadline index (issue 3). It steps aside as
 * soon as a real adapter provides the port. Until then orders are closed only by passive close (a read or a payment
 * after the deadline), and the service says so when it starts.
 */
@Configuration(proxyBeanMethods = false)
class NotYetBuiltPorts {

    private static final Logger log = LoggerFactory.getLogger(NotYetBuiltPorts.class);

    @Bean
    @ConditionalOnMissingBean
    DeadlineIndex passiveCloseOnly() {
        log.warn("No deadline index adapter: unpaid orders are closed only when read or paid after their deadline");
        return new DeadlineIndex() {
            @Override
            public void track(OrderId order, Instant deadline) {
            }

            @Override
            public void forget(OrderId order) {
            }
        };
    }
}
