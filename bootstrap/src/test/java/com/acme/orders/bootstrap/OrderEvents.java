package com.acme.orders.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.acme.orders.application.ordering.CancelOrder;
import com.acme.orders.application.ordering.PlaceOrder;
import com.acme.orders.application.payment.ConfirmPayment;
import com.acme.orders.domain.CustomerId;
import com.acme.orders.domain.LineItem;
import com.acme.orders.domain.Money;
import com.acme.orders.domain.Order;
import com.acme.orders.domain.OrderEvent;
import com.acme.orders.domain.Payment;
import com.acme.orders.domain.PaymentReference;
import com.acme.orders.domain.Quantity;
import com.acme.orders.domain.Sku;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Order activity through the service's own use cases, remembering every event it caused, and the checks of what
 * arrived on the topic: every event, in its order's order.
 */
final class OrderEvents {

    static final String PLACED = "com.acme.orders.order.placed.v1";
    static final String PAID = "com.acme.orders.order.paid.v1";
    static final String CANCELLED = "com.acme.orders.order.cancelled.v1";
    static final String REFUND_REQUESTED = "com.acme.orders.order.refund-requested.v1";

    private final PlaceOrder placeOrder;
    private final ConfirmPayment confirmPayment;
    private final CancelOrder cancelOrder;
    private final CustomerId customer = new CustomerId("customer-" + UUID.randomUUID());
    /** Per order (its id as the Kafka key), the ids of its events in the order they were committed. */
    private final Map<String, List<String>> expected = new LinkedHashMap<>();

    OrderEvents(PlaceOrder placeOrder, ConfirmPayment confirmPayment, CancelOrder cancelOrder) {
        this.placeOrder = placeOrder;
        this.confirmPayment = confirmPayment;
        this.cancelOrder = cancelOrder;
    }

    /**
     * Places an order, then pays it (n % 3 == 0), cancels it (n % 3 == 1; every other one of those is then paid too
     * late, which requests a refund) or leaves it unpaid.
     */
    void placeAndSettle(int n) {
        Order order = placeOrder.place(new PlaceOrder.Command(
                customer,
                List.of(new LineItem(new Sku("BOOK-" + n), new Quantity(1 + n % 3), Money.of("12.50", "EUR"))),
                Optional.empty()));
        record(order.recordedEvents());
        switch (n % 3) {
            case 0 -> {
                pay(order, "pi_");
                if (n % 2 == 0) {
                    // The customer paid twice: the second payment is refunded.
                    pay(order, "pi_twice_");
                }
            }
            case 1 -> {
                record(cancelOrder.cancel(order.id(), customer).order().recordedEvents());
                if (n % 2 == 0) {
                    pay(order, "pi_late_");
                }
            }
            default -> {}
        }
    }

    private void pay(Order order, String referencePrefix) {
        var payment = new Payment(
                new PaymentReference(referencePrefix + order.number().value()), order.total());
        record(confirmPayment.confirm(order.id(), payment).order().recordedEvents());
    }

    private synchronized void record(List<OrderEvent> events) {
        events.forEach(it -> expected.computeIfAbsent(it.orderId().toString(), key -> new ArrayList<>())
                .add(it.eventId().toString()));
    }

    synchronized Set<String> eventIds() {
        return expected.values().stream().flatMap(Collection::stream).collect(Collectors.toSet());
    }

    synchronized int count() {
        return eventIds().size();
    }

    /** True once every event of this activity has been received at least once. */
    Predicate<List<TopicReader.Received>> allArrived() {
        var ids = eventIds();
        return received -> received.stream()
                .map(TopicReader.Received::eventId)
                .collect(Collectors.toSet())
                .containsAll(ids);
    }

    List<TopicReader.Received> ours(List<TopicReader.Received> received) {
        var keys = keys();
        return received.stream().filter(it -> keys.contains(it.key())).toList();
    }

    synchronized Set<String> keys() {
        return new LinkedHashSet<>(expected.keySet());
    }

    /**
     * Every event arrived, and a consumer that skips repeats sees each order's events exactly in commit order. The
     * first arrival of an event counts: a redelivered batch repeats events, it never moves one before another.
     */
    synchronized void assertEveryEventArrivedInOrderPerOrder(List<TopicReader.Received> received) {
        var consumer = new DeduplicatingConsumer();
        ours(received).forEach(consumer::accept);
        Map<String, List<String>> arrived = consumer.handled().stream()
                .collect(Collectors.groupingBy(
                        TopicReader.Received::key,
                        LinkedHashMap::new,
                        Collectors.mapping(TopicReader.Received::eventId, Collectors.toList())));
        assertThat(arrived)
                .as("each order's events, first arrivals in arrival order")
                .isEqualTo(expected);
    }
}
