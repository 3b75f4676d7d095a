package com.acme.orders.adapter.rest.console;

import com.acme.orders.application.deadline.InspectDeadlines;
import com.acme.orders.application.outbox.InspectOutbox;
import com.acme.orders.application.outbox.RequeueParkedEvent;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The operator's console. Actuator endpoints, so they are served where the actuator is (the management port), are
 * listed with it at {@code /actuator}, and obey its switches: {@code management.endpoints.web.exposure.include} shows
 * or hides each, and {@code management.endpoint.outbox.access=read-only} keeps the view and removes the requeue.
 */
@Configuration(proxyBeanMethods = false)
public class ConsoleConfiguration {

    /** Without a registry (a test of this adapter alone) there is no timer to read: the history says so. */
    @Bean
    CancellationLagHistory cancellationLagHistory(ObjectProvider<MeterRegistry> meters, Clock clock) {
        return new CancellationLagHistory(meters.getIfAvailable(SimpleMeterRegistry::new), clock);
    }

    @Bean
    DeadlinesEndpoint deadlinesEndpoint(InspectDeadlines deadlines, CancellationLagHistory lags) {
        return new DeadlinesEndpoint(deadlines, lags);
    }

    @Bean
    OutboxEndpoint outboxEndpoint(InspectOutbox outbox, RequeueParkedEvent requeue) {
        return new OutboxEndpoint(outbox, requeue);
    }

    @Bean
    OperatorsConsole operatorsConsole() {
        return new OperatorsConsole();
    }
}
