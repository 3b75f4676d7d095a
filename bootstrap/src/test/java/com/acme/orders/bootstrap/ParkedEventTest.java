package com.acme.orders.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.acme.orders.adapter.kafka.outbox.KafkaEventBroker;
import com.acme.orders.adapter.kafka.outbox.KafkaEventsProperties;
import com.acme.orders.application.ordering.PlaceOrder;
import com.acme.orders.application.outbox.RelayOutbox;
import com.acme.orders.domain.CustomerId;
import com.acme.orders.domain.LineItem;
import com.acme.orders.domain.Money;
import com.acme.orders.domain.Quantity;
import com.acme.orders.domain.Sku;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;

/** An event Kafka will never take is parked after its attempts and holds back its own order only. */
class ParkedEventTest extends OutboxServiceTest {

    /** Big enough for an ordinary order, too small for one with forty lines. */
    private static final int MAX_REQUEST_SIZE = 2_000;

    @Autowired
    ProducerFactory<String, String> producers;

    @Autowired
    KafkaEventsProperties properties;

    @Autowired
    ObjectProvider<io.micrometer.core.instrument.MeterRegistry> meters;

    private DefaultKafkaProducerFactory<String, String> smallRequests;

    @AfterEach
    void forgetTheParkedRow() {
        relays.deleteAll();
        smallRequests.destroy();
    }

    @Test
    void an_event_kafka_refuses_is_parked_after_its_attempts_and_holds_back_only_the_later_events_of_its_order()
            throws Exception {
        relays.deleteAll();
        var customer = new CustomerId("hoarder");
        var huge = placeOrder.place(new PlaceOrder.Command(
                customer,
                IntStream.range(0, 40)
                        .mapToObj(n -> new LineItem(new Sku("SKU-" + n), new Quantity(1), Money.of("1.00", "EUR")))
                        .toList(),
                Optional.empty()));
        cancelOrder.cancel(huge.id(), customer);
        var ordinary = placeOrder.place(new PlaceOrder.Command(
                customer,
                List.of(new LineItem(new Sku("BOOK-1"), new Quantity(1), Money.of("1.00", "EUR"))),
                Optional.empty()));

        var relay = relays.relay(
                brokerWithMaxRequestSize(MAX_REQUEST_SIZE),
                new RelayOutbox.Settings(
                        100, 3, Duration.ofMillis(50), Duration.ofMillis(10), Duration.ofMillis(10), Duration.ZERO));
        for (int round = 0; round < 5; round++) {
            relay.relayOnce();
            Thread.sleep(50);
        }

        var parked =
                jdbc.queryForMap("select attempts, last_error, event_type from outbox where parked_at is not null");
        assertThat(parked.get("attempts")).isEqualTo(3);
        assertThat(parked.get("event_type")).isEqualTo(OrderEvents.PLACED);
        assertThat((String) parked.get("last_error")).contains("RecordTooLarge");
        assertThat(jdbc.queryForList(
                        "select event_type from outbox where parked_at is null and order_id = ?",
                        String.class,
                        huge.id().value()))
                .as("held back behind it")
                .containsExactly(OrderEvents.CANCELLED);
        assertThat(jdbc.queryForObject(
                        "select count(*) from outbox where order_id = ?",
                        Integer.class,
                        ordinary.id().value()))
                .as("every other order went on")
                .isZero();
        var received = TopicReader.readUntil(
                it -> it.stream().anyMatch(r -> r.key().equals(ordinary.id().toString())), Duration.ofSeconds(30));
        assertThat(received).noneMatch(it -> it.key().equals(huge.id().toString()));
    }

    private KafkaEventBroker brokerWithMaxRequestSize(int bytes) {
        Map<String, Object> config = new HashMap<>(producers.getConfigurationProperties());
        config.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, bytes);
        smallRequests = new DefaultKafkaProducerFactory<>(config);
        return new KafkaEventBroker(new KafkaTemplate<>(smallRequests), properties, meters);
    }
}
