package com.acme.orders.bootstrap;

import com.acme.orders.adapter.postgres.outbox.CurrentTrace;
import com.acme.orders.adapter.scheduling.outbox.OutboxRelayProperties;
import com.acme.orders.application.change.port.Transactions;
import com.acme.orders.application.outbox.InspectOutbox;
import com.acme.orders.application.outbox.RelayOutbox;
import com.acme.orders.application.outbox.RequeueParkedEvent;
import com.acme.orders.application.outbox.port.EventBroker;
import com.acme.orders.application.outbox.port.OutboxBacklog;
import com.acme.orders.application.outbox.port.OutboxSignal;
import com.acme.orders.application.outbox.port.PendingEvents;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import java.time.Clock;
import java.util.HashMap;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The outbox relay, from the outbox of the PostgreSQL adapter to the broker of the Kafka adapter, and the trace the
 * outbox stores with each event for the relay to send on.
 */
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

    /** The outbox as the operator's console shows it; wall time, as the outbox rows were written with it. */
    @Bean
    InspectOutbox inspectOutbox(OutboxBacklog outbox) {
        return new InspectOutbox(outbox, Clock.systemUTC());
    }

    @Bean
    RequeueParkedEvent requeueParkedEvent(OutboxBacklog outbox) {
        return new RequeueParkedEvent(outbox);
    }

    /**
     * The trace stored with each event: the current span of Micrometer Tracing, written as a {@code traceparent} by
     * the same W3C propagator that reads and writes the header on HTTP, so the format is the propagator's, not ours.
     */
    @Bean
    CurrentTrace currentTrace(ObjectProvider<Tracer> tracer, ObjectProvider<Propagator> propagator) {
        Tracer spans = tracer.getIfAvailable(() -> Tracer.NOOP);
        Propagator w3c = propagator.getIfAvailable(() -> Propagator.NOOP);
        return () -> {
            Span span = spans.currentSpan();
            if (span == null) {
                return null;
            }
            var headers = new HashMap<String, String>();
            w3c.inject(span.context(), headers, (carrier, key, value) -> {
                if (carrier != null) {
                    carrier.put(key, value);
                }
            });
            return headers.get("traceparent");
        };
    }
}
