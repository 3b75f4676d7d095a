package com.acme.orders.application.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.acme.orders.application.fakes.DirectTransactions;
import com.acme.orders.application.fakes.MovableClock;
import com.acme.orders.application.outbox.RelayOutbox.Round;
import com.acme.orders.application.outbox.port.EventBroker;
import com.acme.orders.application.outbox.port.EventBroker.Delivery;
import com.acme.orders.application.outbox.port.EventBroker.Failure;
import com.acme.orders.application.outbox.port.PendingEvent;
import com.acme.orders.application.outbox.port.PendingEvents;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** The relay's decisions about failures, on an in-memory outbox and a scripted broker (the real ones: bootstrap). */
class RelayOutboxTest {

    private final MovableClock clock = new MovableClock(Instant.parse("2026-11-23T10:00:00Z"));
    private final Outbox outbox = new Outbox();
    private final RelayOutbox.Settings settings = new RelayOutbox.Settings(
            10, 3, Duration.ofMillis(100), Duration.ofSeconds(1), Duration.ofSeconds(8), Duration.ZERO);

    @Test
    void while_the_broker_is_unreachable_no_event_counts_an_attempt_and_the_round_reports_an_outage() {
        outbox.add("order-1");
        outbox.add("order-2");
        var relay = relayWith(events -> everyEventFails(events, true));

        Round round = relay.relayOnce();

        assertThat(round.brokerUnavailable()).isTrue();
        assertThat(outbox.rows).allSatisfy(it -> assertThat(it.attempts).isZero());
    }

    @Test
    void an_event_that_keeps_failing_is_retried_with_growing_backoff_and_parked_at_the_last_attempt() {
        outbox.add("order-1");
        var relay = relayWith(events -> everyEventFails(events, false));

        relay.relayOnce();
        assertThat(outbox.rows.getFirst().retryAt).isEqualTo(clock.instant().plusSeconds(1));
        clock.advance(Duration.ofSeconds(1));
        relay.relayOnce();
        assertThat(outbox.rows.getFirst().retryAt).isEqualTo(clock.instant().plusSeconds(2));
        clock.advance(Duration.ofSeconds(2));
        Round last = relay.relayOnce();

        assertThat(last.parked()).isEqualTo(1);
        assertThat(outbox.rows.getFirst().parked).isTrue();
        assertThat(outbox.rows.getFirst().attempts).isEqualTo(3);
    }

    @Test
    void acknowledged_events_leave_the_outbox_and_a_refused_one_stays_for_its_retry() {
        var refused = outbox.add("order-1");
        outbox.add("order-2");
        var relay = relayWith(events -> {
            var sent = new HashSet<UUID>();
            events.stream().filter(it -> !it.eventId().equals(refused)).forEach(it -> sent.add(it.eventId()));
            return new Delivery(sent, Map.of(refused, new Failure("record too large", false)));
        });

        Round round = relay.relayOnce();

        assertThat(round.sent()).isEqualTo(1);
        assertThat(outbox.rows)
                .singleElement()
                .satisfies(it -> assertThat(it.event.eventId()).isEqualTo(refused));
    }

    private RelayOutbox relayWith(Function<List<PendingEvent>, Delivery> broker) {
        EventBroker scripted = broker::apply;
        return new RelayOutbox(outbox, scripted, atMost -> {}, new DirectTransactions(), settings, clock);
    }

    private static Delivery everyEventFails(List<PendingEvent> events, boolean retriable) {
        Map<UUID, Failure> failed = new HashMap<>();
        events.forEach(it -> failed.put(it.eventId(), new Failure("broker says no", retriable)));
        return new Delivery(Set.of(), failed);
    }

    /** The outbox's contract in memory: heads of each key only, retry times and parking respected. */
    private final class Outbox implements PendingEvents {

        final List<Row> rows = new ArrayList<>();
        private long positions;

        final class Row {
            PendingEvent event;
            int attempts;
            Instant retryAt = Instant.MIN;
            boolean parked;
        }

        UUID add(String key) {
            var row = new Row();
            row.event = new PendingEvent(
                    ++positions, UUID.randomUUID(), key, "test.v1", clock.instant(), "{}", clock.instant(), 0, null);
            rows.add(row);
            return row.event.eventId();
        }

        @Override
        public boolean claimRelay() {
            return true;
        }

        @Override
        public List<PendingEvent> nextBatch(int limit, Instant now) {
            var keys = new HashSet<String>();
            return rows.stream()
                    .filter(it -> keys.add(it.event.key()))
                    .filter(it -> !it.parked && !it.retryAt.isAfter(now))
                    .map(it -> new PendingEvent(
                            it.event.position(),
                            it.event.eventId(),
                            it.event.key(),
                            it.event.type(),
                            it.event.occurredAt(),
                            it.event.data(),
                            it.event.storedAt(),
                            it.attempts,
                            it.event.traceparent()))
                    .limit(limit)
                    .toList();
        }

        @Override
        public void published(List<PendingEvent> events) {
            rows.removeIf(row -> events.stream().anyMatch(it -> it.eventId().equals(row.event.eventId())));
        }

        @Override
        public void failed(PendingEvent event, String reason, Instant retryAt, boolean park) {
            rows.stream()
                    .filter(it -> it.event.eventId().equals(event.eventId()))
                    .forEach(it -> {
                        it.attempts++;
                        it.retryAt = retryAt;
                        it.parked = park;
                    });
        }
    }
}
