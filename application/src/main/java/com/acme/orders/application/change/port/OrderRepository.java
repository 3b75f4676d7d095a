package com.acme.orders.application.change.port;

import com.acme.orders.domain.Order;
import com.acme.orders.domain.OrderId;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.jmolecules.architecture.hexagonal.SecondaryPort;

/** Where orders live. The stored order is the single source of truth about its state. */
@SecondaryPort
public interface OrderRepository {

    void add(Order order);

    Optional<Order> find(OrderId id);

    /**
     * The order, locked against every other writer until the surrounding transaction ends, so that a payment, a
     * customer cancel and a timeout on the same order are decided one after the other, each on the state the previous
     * one left.
     */
    Optional<Order> lock(OrderId id);

    /**
     * Stores the final state of an order that was {@code UNPAID} at {@link Order#version()}. The write is conditional on
     * both, so two writers can never both move the same order out of {@code UNPAID}.
     *
     * @throws ConcurrentOrderChange when the stored order is no longer unpaid at that version
     */
    void update(Order order);

    /**
     * The orders with these ids that exist, each locked as by {@link #lock}. The rows are locked in id order, so two
     * batches that share orders wait for each other instead of deadlocking.
     */
    List<Order> lockAll(Collection<OrderId> ids);

    /** {@link #update} for many orders in one round trip; the same condition holds for each of them. */
    void updateAll(Collection<Order> orders);
}
