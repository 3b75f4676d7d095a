package com.acme.orders.bootstrap;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * How a consumer such as the notification service handles the order events once each: delivery is at least once
 * (a relay that dies after Kafka acknowledged its batch sends the batch again), so it remembers the ids of the events
 * it handled and skips a repeat. The id is the CloudEvents id, stable across every redelivery. A real consumer keeps
 * the ids in its own database, in the transaction that records the effect of the event (here: in memory).
 */
final class DeduplicatingConsumer {

    private final Set<String> handledIds = new HashSet<>();
    private final List<TopicReader.Received> handled = new ArrayList<>();
    private int skippedRepeats;

    void accept(TopicReader.Received event) {
        if (handledIds.add(event.eventId())) {
            handled.add(event);
        } else {
            skippedRepeats++;
        }
    }

    List<TopicReader.Received> handled() {
        return List.copyOf(handled);
    }

    int skippedRepeats() {
        return skippedRepeats;
    }
}
