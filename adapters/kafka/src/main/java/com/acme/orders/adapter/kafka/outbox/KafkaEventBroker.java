package com.acme.orders.adapter.kafka.outbox;

import com.acme.orders.application.outbox.port.EventBroker;
import com.acme.orders.application.outbox.port.PendingEvent;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.common.errors.RetriableException;
import org.jmolecules.architecture.hexagonal.SecondaryAdapter;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * Sends a batch through Spring Boot's auto-configured producer (idempotent, {@code acks=all}: see application.yaml)
 * and waits for every acknowledgement before it reports. The producer keeps the records of one partition in order;
 * the relay never puts two events of one order in a batch, so a refused record cannot be overtaken by a later one of
 * its order.
 */
@SecondaryAdapter
public class KafkaEventBroker implements EventBroker {

    private final KafkaTemplate<String, String> kafka;
    private final KafkaEventsProperties properties;
    private final Counter published;
    private final Timer commitToPublish;

    public KafkaEventBroker(
            KafkaTemplate<String, String> kafka,
            KafkaEventsProperties properties,
            ObjectProvider<MeterRegistry> meters) {
        this.kafka = kafka;
        this.properties = properties;
        MeterRegistry registry = meters.getIfAvailable(SimpleMeterRegistry::new);
        this.published = Counter.builder("orders.outbox.published")
                .description("Events acknowledged by Kafka (a redelivered batch counts again)")
                .register(registry);
        this.commitToPublish = Timer.builder("orders.outbox.commit.to.publish")
                .description("From the commit of an event to Kafka's acknowledgement of it")
                .publishPercentiles(0.5, 0.99)
                .register(registry);
    }

    @Override
    public Delivery send(List<PendingEvent> events) {
        var pending = new LinkedHashMap<PendingEvent, CompletableFuture<?>>();
        var failed = new HashMap<UUID, Failure>();
        for (var event : events) {
            try {
                pending.put(event, kafka.send(CloudEventRecords.of(event, properties)));
            } catch (RuntimeException e) {
                var failure = failure(e);
                failed.put(event.eventId(), failure);
                if (failure.retriable()) {
                    // It waited max.block.ms for metadata: the broker is out of reach, and every further send would
                    // wait as long. The rest of the batch fails with it, untried.
                    events.subList(events.indexOf(event), events.size())
                            .forEach(it -> failed.put(it.eventId(), failure));
                    break;
                }
            }
        }
        kafka.flush();
        var sent = new HashSet<UUID>();
        long deadline = System.nanoTime() + properties.sendTimeout().toNanos();
        pending.forEach((event, acknowledgement) -> {
            try {
                acknowledgement.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                sent.add(event.eventId());
                published.increment();
                commitToPublish.record(Duration.between(event.storedAt(), Instant.now()));
            } catch (ExecutionException e) {
                failed.put(event.eventId(), failure(e.getCause() != null ? e.getCause() : e));
            } catch (TimeoutException e) {
                failed.put(event.eventId(), new Failure("no acknowledgement within " + properties.sendTimeout(), true));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                failed.put(event.eventId(), new Failure("interrupted while waiting for Kafka", true));
            }
        });
        return new Delivery(sent, failed);
    }

    /** Retriable in Kafka's own sense (timeouts, leader changes, too few replicas) means: the broker, not the event. */
    private static Failure failure(Throwable error) {
        boolean retriable = false;
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            retriable |= cause instanceof RetriableException;
        }
        return new Failure(rootMessage(error), retriable);
    }

    private static String rootMessage(Throwable error) {
        Throwable root = error;
        for (Throwable cause = root.getCause(); cause != null && cause != root; cause = root.getCause()) {
            root = cause;
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }
}
