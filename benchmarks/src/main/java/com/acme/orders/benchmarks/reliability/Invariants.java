package com.acme.orders.benchmarks.reliability;

import com.acme.orders.benchmarks.reliability.EventLog.Event;
import com.acme.orders.benchmarks.reliability.History.Action;
import com.acme.orders.benchmarks.reliability.History.Exchange;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * The guarantees, checked on the whole history of a run: the orders as PostgreSQL holds them at the end, every event
 * on the topic, and every answer the clients got. Each verdict says how many cases it checked and which broke it.
 */
final class Invariants {

    static final String PLACED = "com.acme.orders.order.placed.v1";
    static final String PAID = "com.acme.orders.order.paid.v1";
    static final String CANCELLED = "com.acme.orders.order.cancelled.v1";
    static final String REFUND_REQUESTED = "com.acme.orders.order.refund-requested.v1";

    /**
     * An order as PostgreSQL holds it; {@code committedAt} is the commit time of the transaction that last wrote the
     * row (track_commit_timestamp), by the database's clock, whatever the clock of the instance that wrote it said.
     */
    record OrderRow(
            UUID id,
            String status,
            Instant deadline,
            @Nullable Instant cancelledAt,
            @Nullable String reason,
            @Nullable Instant committedAt) {

        boolean timedOut() {
            return "CANCELLED".equals(status) && "PAYMENT_TIMEOUT".equals(reason);
        }

        /** Deadline to the committed cancellation, by the database's clock. */
        long lagMillis() {
            return committedAt == null
                    ? Long.MAX_VALUE
                    : Duration.between(deadline, committedAt).toMillis();
        }
    }

    record Verdict(String guarantee, long checked, List<String> violations) {
        boolean holds() {
            return violations.isEmpty();
        }
    }

    private final Map<UUID, OrderRow> orders;
    private final List<Event> events;
    private final List<Exchange> exchanges;
    private final Duration bound;
    private final Instant databaseNow;

    Invariants(
            List<OrderRow> orders, List<Event> events, List<Exchange> exchanges, Duration bound, Instant databaseNow) {
        this.orders = orders.stream().collect(Collectors.toMap(OrderRow::id, it -> it));
        this.events = events;
        this.exchanges = exchanges;
        this.bound = bound;
        this.databaseNow = databaseNow;
    }

    List<Verdict> check() {
        return List.of(
                cancelledWithinTheBound(),
                neverCancelledBeforeTheDeadline(),
                paidOrdersStayPaid(),
                oneEventPerTransitionInOrder(),
                noEventLost(),
                everyCreatedOrderExists(),
                noServerErrorButBusy());
    }

    /**
     * Every timeout's lag, however close to the end of the run its deadline was (the run waits until nothing is
     * unpaid), and every order still unpaid once the bound has passed since its deadline.
     */
    private Verdict cancelledWithinTheBound() {
        var violations = new ArrayList<String>();
        long checked = 0;
        for (OrderRow order : orders.values()) {
            if (order.timedOut()) {
                checked++;
                if (order.lagMillis() > bound.toMillis()) {
                    violations.add(order.id() + " cancelled " + order.lagMillis() + " ms after its deadline");
                }
            } else if ("UNPAID".equals(order.status())
                    && !order.deadline().plus(bound).isAfter(databaseNow)) {
                checked++;
                violations.add(order.id() + " still UNPAID "
                        + Duration.between(order.deadline(), databaseNow).toMillis() + " ms after its deadline");
            }
        }
        return new Verdict(
                "every order due and unpaid is CANCELLED within " + bound.toMillis() + " ms of its deadline",
                checked,
                violations);
    }

    private Verdict neverCancelledBeforeTheDeadline() {
        var violations = new ArrayList<String>();
        long checked = 0;
        for (OrderRow order : orders.values()) {
            if (!order.timedOut()) {
                continue;
            }
            checked++;
            if (order.committedAt() == null || order.committedAt().isBefore(order.deadline())) {
                violations.add(order.id() + " cancelled for timeout at " + order.committedAt()
                        + " by the database's clock, " + (-order.lagMillis()) + " ms before its deadline "
                        + order.deadline() + " (cancelled_at written: " + order.cancelledAt() + ")");
            }
        }
        return new Verdict(
                "no order is cancelled for timeout before its deadline by the database's clock", checked, violations);
    }

    private Verdict paidOrdersStayPaid() {
        var violations = new ArrayList<String>();
        Set<UUID> answeredPaid = exchanges.stream()
                .filter(it -> it.status() == 200 && it.order() != null)
                .filter(it -> it.answer().equals("PAID") || it.answer().equals("ALREADY_PAID"))
                .map(Exchange::order)
                .collect(Collectors.toSet());
        for (UUID id : answeredPaid) {
            OrderRow order = orders.get(id);
            if (order == null || !"PAID".equals(order.status())) {
                violations.add(id + " was answered PAID but is " + (order == null ? "missing" : order.status()));
            }
        }
        Map<UUID, Set<String>> terminal = new HashMap<>();
        for (Event event : events) {
            if (event.order() != null && (PAID.equals(event.type()) || CANCELLED.equals(event.type()))) {
                terminal.computeIfAbsent(event.order(), it -> new HashSet<>()).add(event.type());
            }
        }
        terminal.forEach((id, types) -> {
            if (types.size() > 1) {
                violations.add(id + " has both a paid and a cancelled event");
            }
        });
        for (OrderRow order : orders.values()) {
            if ("PAID".equals(order.status()) && order.cancelledAt() != null) {
                violations.add(order.id() + " is PAID with a cancellation time");
            }
        }
        return new Verdict(
                "no order is both paid and cancelled; no order answered PAID is ever cancelled",
                answeredPaid.size() + terminal.size(),
                violations);
    }

    /** The transitions an order made, as events: placed, then paid or cancelled. */
    private static List<String> transitions(OrderRow order) {
        return switch (order.status()) {
            case "PAID" -> List.of(PLACED, PAID);
            case "CANCELLED" -> List.of(PLACED, CANCELLED);
            default -> List.of(PLACED);
        };
    }

    private Map<UUID, List<Event>> eventsByOrder() {
        return events.stream()
                .filter(it -> it.order() != null)
                .sorted(Comparator.comparingInt(Event::partition).thenComparingLong(Event::offset))
                .collect(Collectors.groupingBy(Event::order));
    }

    private Verdict oneEventPerTransitionInOrder() {
        var violations = new ArrayList<String>();
        long checked = 0;
        var byOrder = eventsByOrder();
        for (OrderRow order : orders.values()) {
            var received = byOrder.getOrDefault(order.id(), List.of());
            // Deduplicated by ce_id, as a consumer does: a record the producer wrote twice is one event.
            Map<String, Set<String>> idsByType = new HashMap<>();
            var firstSeen = new ArrayList<String>();
            var seenIds = new HashSet<String>();
            for (Event event : received) {
                idsByType
                        .computeIfAbsent(String.valueOf(event.type()), it -> new HashSet<>())
                        .add(String.valueOf(event.ceId()));
                if (seenIds.add(String.valueOf(event.ceId()))) {
                    firstSeen.add(String.valueOf(event.type()));
                }
            }
            for (String type : transitions(order)) {
                checked++;
                int count = idsByType.getOrDefault(type, Set.of()).size();
                if (count > 1) {
                    violations.add(order.id() + " has " + count + " distinct " + type + " events");
                }
            }
            for (String type : idsByType.keySet()) {
                if (!transitions(order).contains(type) && !REFUND_REQUESTED.equals(type)) {
                    violations.add(order.id() + " is " + order.status() + " but has a " + type + " event");
                }
            }
            if (received.stream().map(Event::partition).distinct().count() > 1) {
                violations.add(order.id() + "'s events are on several partitions");
            }
            var expectedOrder = new ArrayList<>(firstSeen);
            expectedOrder.sort(Comparator.comparingInt(Invariants::rank));
            if (!expectedOrder.equals(firstSeen)) {
                violations.add(order.id() + "'s events arrived as " + firstSeen);
            }
        }
        return new Verdict(
                "every transition has at most one event after deduplication by ce_id, and one order's events arrive in"
                        + " order",
                checked,
                violations);
    }

    private static int rank(String type) {
        return switch (type) {
            case PLACED -> 0;
            case PAID, CANCELLED -> 1;
            default -> 2;
        };
    }

    private Verdict noEventLost() {
        var violations = new ArrayList<String>();
        long checked = 0;
        var byOrder = eventsByOrder();
        for (OrderRow order : orders.values()) {
            var types = byOrder.getOrDefault(order.id(), List.of()).stream()
                    .map(Event::type)
                    .collect(Collectors.toSet());
            for (String type : transitions(order)) {
                checked++;
                if (!types.contains(type)) {
                    violations.add(order.id() + " (" + order.status() + ") has no " + type + " event");
                }
            }
        }
        return new Verdict(
                "every transition in PostgreSQL has its event on Kafka (none lost across broker kills)",
                checked,
                violations);
    }

    private Verdict everyCreatedOrderExists() {
        var violations = new ArrayList<String>();
        var created = exchanges.stream()
                .filter(it -> it.action() == Action.PLACE && it.status() == 201)
                .toList();
        for (Exchange exchange : created) {
            if (exchange.order() == null || !orders.containsKey(exchange.order())) {
                violations.add(
                        "201 from " + exchange.instance() + " at " + Instant.ofEpochMilli(exchange.sentAtMillis())
                                + " names " + exchange.order() + ", which does not exist");
            }
        }
        return new Verdict("every 201 the clients received names an order that exists", created.size(), violations);
    }

    private Verdict noServerErrorButBusy() {
        var violations = exchanges.stream()
                .filter(it -> it.status() >= 500
                        && !(it.status() == 503 && it.answer().equals("service-busy")))
                .map(it -> it.status() + " to " + it.action() + " " + it.order() + " from " + it.instance() + " at "
                        + Instant.ofEpochMilli(it.sentAtMillis()) + ": " + it.answer())
                .toList();
        return new Verdict(
                "no client saw a 5xx other than 503 service-busy", exchanges.size(), new ArrayList<>(violations));
    }
}
