package com.acme.orders.application.fakes;

import com.acme.orders.application.change.port.EventPublication;
import com.acme.orders.domain.OrderEvent;
import com.acme.orders.domain.OrderId;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Every event published, in order. */
public class RecordedEvents implements EventPublication {

    private final List<OrderEvent> events = new CopyOnWriteArrayList<>();

    @Override
    public void publish(List<OrderEvent> published) {
        events.addAll(published);
    }

    public List<OrderEvent> all() {
        return List.copyOf(events);
    }

    public List<OrderEvent> of(OrderId order) {
        return events.stream().filter(it -> it.orderId().equals(order)).toList();
    }
}
