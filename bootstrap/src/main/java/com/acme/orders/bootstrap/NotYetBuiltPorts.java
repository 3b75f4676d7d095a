package com.acme.orders.bootstrap;

import com.acme.orders.application.port.EventPublication;
import com.acme.orders.domain.OrderEvent;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Stand-in for the port whose adapter comes in its own issue: the Kafka outbox (issue 4). It steps aside as soon as a
 * real adapter provides the port. Until then events are only logged, and the service says so when it starts.
 */
@Configuration(proxyBeanMethods = false)
class NotYetBuiltPorts {

    private static final Logger log = LoggerFactory.getLogger(NotYetBuiltPorts.class);

    @Bean
    @ConditionalOnMissingBean
    EventPublication loggedEvents() {
        log.warn("No outbox adapter: order events are logged, not published");
        return new EventPublication() {
            private final Logger events = LoggerFactory.getLogger("com.acme.orders.events");

            @Override
            public void publish(List<OrderEvent> published) {
                published.forEach(event -> events.info("{}", event));
            }
        };
    }
}
