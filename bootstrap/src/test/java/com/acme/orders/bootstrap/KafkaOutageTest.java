package com.acme.orders.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Kafka goes out of reach while customers keep ordering (every connection to it dropped and refused, see
 * {@link KafkaLink}): the use cases do not notice, the relay backs off, and the events wait in the outbox.
 */
class KafkaOutageTest extends OutboxServiceTest {

    @Test
    void orders_placed_paid_and_cancelled_while_kafka_is_unreachable_all_reach_the_topic_in_order_once_it_is_back()
            throws Exception {
        relays.deleteAll();
        var activity = new OrderEvents(placeOrder, confirmPayment, cancelOrder);
        relays.start(1);
        TestKafka.becomeUnreachable();

        IntStream.range(0, 30).forEach(activity::placeAndSettle);
        Thread.sleep(3_000); // the relay tries, fails and backs off meanwhile

        assertThat(relays.waiting()).as("every event waits in the outbox").isEqualTo(activity.count());
        assertThat(jdbc.queryForObject(
                        "select count(*) from outbox where attempts > 0 or parked_at is not null", Integer.class))
                .as("an outage is nobody's fault: no event counts a failed attempt")
                .isZero();

        TestKafka.becomeReachable();
        relays.awaitOutboxEmpty(Duration.ofSeconds(90));
        var received = TopicReader.readUntil(activity.allArrived(), Duration.ofSeconds(30));

        activity.assertEveryEventArrivedInOrderPerOrder(received);
    }
}
