package com.acme.orders.benchmarks.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.acme.orders.benchmarks.reliability.EventLog.Event;
import com.acme.orders.benchmarks.reliability.History.Action;
import com.acme.orders.benchmarks.reliability.History.Exchange;
import com.acme.orders.benchmarks.reliability.Invariants.OrderRow;
import com.acme.orders.benchmarks.reliability.Invariants.Verdict;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The checks themselves, on small made-up histories: each guarantee is broken once and must say so. */
class InvariantsTest {

    private static final Instant DEADLINE = Instant.parse("2026-12-07T10:00:00Z");
    private static final Duration BOUND = Duration.ofSeconds(12);
    private static final Instant CHECKED_AT = DEADLINE.plusSeconds(60);

    private final UUID order = UUID.randomUUID();
    private final List<Event> events = new ArrayList<>();
    private final List<Exchange> exchanges = new ArrayList<>();
    private long offset;

    @Test
    void an_order_cancelled_on_time_with_its_two_events_breaks_nothing() {
        var row = timedOut(DEADLINE.plusMillis(300));
        event(Invariants.PLACED);
        event(Invariants.CANCELLED);
        placedAnswer(201);

        assertThat(verdicts(row))
                .allSatisfy(it -> assertThat(it.violations()).as(it.guarantee()).isEmpty());
    }

    @Test
    void a_timeout_committed_before_the_deadline_by_the_database_clock_is_reported() {
        var row = timedOut(DEADLINE.minusMillis(2_900));
        event(Invariants.PLACED);
        event(Invariants.CANCELLED);

        assertThat(violationsOf(verdicts(row), "before its deadline")).hasSize(1);
    }

    @Test
    void a_timeout_later_than_the_bound_and_an_order_left_unpaid_are_reported() {
        var late = timedOut(DEADLINE.plus(BOUND).plusSeconds(1));
        var unpaid = new OrderRow(UUID.randomUUID(), "UNPAID", DEADLINE, null, null, DEADLINE.minusSeconds(5));

        assertThat(violationsOf(verdicts(late, unpaid), "within")).hasSize(2);
    }

    @Test
    void a_lost_event_a_duplicate_with_another_ce_id_and_events_out_of_order_are_reported() {
        var row = timedOut(DEADLINE.plusMillis(300));
        event(Invariants.CANCELLED);
        event(Invariants.PLACED);
        event(Invariants.PLACED);

        var verdicts = verdicts(row);

        assertThat(violationsOf(verdicts, "at most one event"))
                .anyMatch(it -> it.contains("2 distinct"))
                .anyMatch(it -> it.contains("arrived as"));
        var other = timedOut(DEADLINE.plusMillis(300));
        events.clear();
        event(Invariants.PLACED);
        assertThat(violationsOf(verdicts(other), "none lost")).hasSize(1);
    }

    @Test
    void the_same_record_read_twice_is_one_event_after_deduplication_by_ce_id() {
        var row = timedOut(DEADLINE.plusMillis(300));
        event(Invariants.PLACED);
        var cancelled = event(Invariants.CANCELLED);
        events.add(new Event(cancelled.ceId(), cancelled.type(), order, 0, offset++, 0));

        assertThat(violationsOf(verdicts(row), "at most one event")).isEmpty();
    }

    @Test
    void an_order_answered_paid_but_cancelled_a_201_without_an_order_and_a_500_are_reported() {
        var row = timedOut(DEADLINE.plusMillis(300));
        exchanges.add(new Exchange(Action.PAY, "instance-1", 0, 5, order, 200, "PAID"));
        exchanges.add(new Exchange(Action.PLACE, "instance-1", 0, 5, UUID.randomUUID(), 201, "UNPAID"));
        exchanges.add(new Exchange(Action.PAY, "instance-2", 0, 5, order, 500, "internal-error"));
        exchanges.add(new Exchange(Action.PAY, "instance-2", 0, 5, order, 503, "service-busy"));

        var verdicts = verdicts(row);

        assertThat(violationsOf(verdicts, "answered PAID")).hasSize(1);
        assertThat(violationsOf(verdicts, "201")).hasSize(1);
        assertThat(violationsOf(verdicts, "5xx")).hasSize(1);
    }

    private OrderRow timedOut(Instant committedAt) {
        return new OrderRow(order, "CANCELLED", DEADLINE, DEADLINE, "PAYMENT_TIMEOUT", committedAt);
    }

    private Event event(String type) {
        var event = new Event(UUID.randomUUID().toString(), type, order, 0, offset++, 0);
        events.add(event);
        return event;
    }

    private void placedAnswer(int status) {
        exchanges.add(new Exchange(Action.PLACE, "instance-1", 0, 5, order, status, "UNPAID"));
    }

    private List<Verdict> verdicts(OrderRow... rows) {
        return new Invariants(List.of(rows), events, exchanges, BOUND, CHECKED_AT).check();
    }

    private static List<String> violationsOf(List<Verdict> verdicts, String guarantee) {
        return verdicts.stream()
                .filter(it -> it.guarantee().contains(guarantee))
                .findFirst()
                .orElseThrow()
                .violations();
    }
}
