package com.acme.orders.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.acme.orders.application.outbox.RelayOutbox;
import com.acme.orders.application.outbox.port.EventBroker;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The relay from the outbox in PostgreSQL to a real Kafka broker, crashed and doubled. */
class OutboxRelayTest extends OutboxServiceTest {

    @Autowired
    EventBroker kafka;

    private OrderEvents activity;

    @BeforeEach
    void startFromAnEmptyOutbox() {
        relays.deleteAll();
        activity = new OrderEvents(placeOrder, confirmPayment, cancelOrder);
    }

    @Test
    void
            a_relay_that_dies_after_kafka_acknowledged_its_batch_loses_nothing_and_repeats_only_that_batch_with_the_same_ids()
                    throws Exception {
        IntStream.range(0, 20).forEach(n -> activity.placeAndSettle(3 * n + 2)); // 20 orders left unpaid: 20 events
        Set<UUID> sentBeforeTheCrash = new HashSet<>();
        EventBroker diesAfterTheAcknowledgement = events -> {
            var delivery = kafka.send(events);
            sentBeforeTheCrash.addAll(delivery.sent());
            throw new IllegalStateException("the relay's process dies before it deletes what Kafka acknowledged");
        };
        var dying = relays.relay(
                diesAfterTheAcknowledgement,
                new RelayOutbox.Settings(
                        8, 10, Duration.ofMillis(200), Duration.ofMillis(100), Duration.ofSeconds(1), Duration.ZERO));

        assertThatThrownBy(dying::relayOnce).isInstanceOf(IllegalStateException.class);
        assertThat(sentBeforeTheCrash).hasSize(8);
        assertThat(relays.waiting()).as("the dead relay's round rolled back").isEqualTo(20);

        relays.start(1);
        relays.awaitOutboxEmpty(Duration.ofSeconds(30));
        var received = activity.ours(TopicReader.readUntil(activity.allArrived(), Duration.ofSeconds(30)));

        activity.assertEveryEventArrivedInOrderPerOrder(received);
        var repeated = received.stream()
                .collect(Collectors.groupingBy(TopicReader.Received::eventId, Collectors.counting()))
                .entrySet()
                .stream()
                .filter(it -> it.getValue() > 1)
                .collect(Collectors.toMap(it -> UUID.fromString(it.getKey()), java.util.Map.Entry::getValue));
        assertThat(repeated.keySet())
                .as("only the dead relay's batch is repeated")
                .isEqualTo(sentBeforeTheCrash);
        assertThat(repeated.values()).as("and only once").containsOnly(2L);

        var notificationService = new DeduplicatingConsumer();
        received.forEach(notificationService::accept);
        assertThat(notificationService.handled()).hasSize(20);
        assertThat(notificationService.skippedRepeats()).isEqualTo(8);
    }

    @Test
    void
            two_relays_running_while_many_customers_order_pay_and_cancel_lose_nothing_and_keep_each_orders_events_in_order()
                    throws Exception {
        relays.start(2);
        int threads = 8;
        int ordersPerThread = 25;
        var start = new CyclicBarrier(threads);
        try (var pool = Executors.newFixedThreadPool(threads)) {
            var customers = IntStream.range(0, threads)
                    .mapToObj(thread -> pool.submit(() -> {
                        start.await();
                        IntStream.range(0, ordersPerThread)
                                .forEach(n -> activity.placeAndSettle(thread * ordersPerThread + n));
                        return null;
                    }))
                    .toList();
            for (Future<?> customer : customers) {
                customer.get(2, TimeUnit.MINUTES);
            }
        }
        assertThat(activity.keys()).hasSize(threads * ordersPerThread);

        relays.awaitOutboxEmpty(Duration.ofSeconds(60));
        var received = TopicReader.readUntil(activity.allArrived(), Duration.ofSeconds(60));

        activity.assertEveryEventArrivedInOrderPerOrder(received);
    }
}
