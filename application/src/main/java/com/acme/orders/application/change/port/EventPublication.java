package com.acme.orders.application.change.port;

import com.acme.orders.domain.OrderEvent;
import java.util.List;
import org.jmolecules.architecture.hexagonal.SecondaryPort;

/**
 * Hands the events of a change to the rest of the company. Called inside the transaction that stores the change:
 * an implementation must make the events durable in that same transaction (an outbox), so that an event exists if and
 * only if its change was committed.
 */
@SecondaryPort
public interface EventPublication {

    void publish(List<OrderEvent> events);
}
