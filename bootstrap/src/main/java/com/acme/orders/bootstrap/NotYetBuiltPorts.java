package com.acme.orders.bootstrap;

import com.acme.orders.application.port.DeadlineIndex;
import com.acme.orders.application.port.EventPublication;
import com.acme.orders.domain.OrderEvent;
import com.acme.orders.domain.OrderId;
import com.acme.orders.application.port.PendingDeadline;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Stand-ins for the two ports whose adapters come in their own issues: the Redis deadline index (issue 3) and the
 * Kafka outbox (issue 4). Each steps aside as soon as a real adapter provides the port. Until then orders are closed
 * only by passive close (a read or a payment after the deadline) and events are only logged, and the service says
 * so when it starts.
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

            @Override
            public List<OrderId> claimDue(Instant now, int limit, Duration lease) {
                return List.of();
            }

            @Override
            public void acknowledge(Collection<OrderId> orders) {
            }

            @Override
            public void trackAll(Collection<PendingDeadline> deadlines) {
            }

            @Override
            public long size() {
                return 0;
            }
        };
    }

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
