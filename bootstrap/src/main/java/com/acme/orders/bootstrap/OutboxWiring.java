package com.acme.orders.bootstrap;

import com.acme.orders.adapter.scheduling.outbox.OutboxRelayProperties;
import com.acme.orders.application.change.port.Transactions;
import com.acme.orders.application.outbox.RelayOutbox;
import com.acme.orders.application.outbox.port.EventBroker;
import com.acme.orders.application.outbox.port.OutboxSignal;
import com.acme.orders.application.outbox.port.PendingEvents;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The outbox relay, from the outbox of the PostgreSQL adapter to the broker of the Kafka adapter. */
@Configuration(proxyBeanMethods = false)
class OutboxWiring {

    @Bean
    RelayOutbox relayOutbox(
            PendingEvents outbox,
            EventBroker broker,
            OutboxSignal signal,
            Transactions transactions,
            OutboxRelayProperties properties) {
        // Wall time, not the business clock: backoff is compared with the instants the outbox rows were written at.
        return new RelayOutbox(outbox, broker, signal, transactions, properties.toSettings(), Clock.systemUTC());
    }
}
