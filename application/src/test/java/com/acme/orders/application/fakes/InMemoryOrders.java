package com.acme.orders.application.fakes;

import com.acme.orders.application.change.port.ConcurrentOrderChange;
import com.acme.orders.application.change.port.OrderRepository;
import com.acme.orders.application.deadline.port.PendingDeadline;
import com.acme.orders.application.deadline.port.UnpaidOrders;
import com.acme.orders.application.ordering.port.CustomerOrders;
import com.acme.orders.application.ordering.port.OrderNumberSource;
import com.acme.orders.domain.CustomerId;
import com.acme.orders.domain.Order;
import com.acme.orders.domain.OrderId;
import com.acme.orders.domain.OrderNumber;
import com.acme.orders.domain.OrderStatus;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Orders kept in memory, stored the way the database stores them: a snapshot per order, restored on every read, so a
 * use case that forgets to call {@link #update} loses its change here too.
 */
public class InMemoryOrders implements OrderRepository, CustomerOrders, UnpaidOrders, OrderNumberSource {

    private final Map<OrderId, Order> stored = new ConcurrentHashMap<>();
    private final AtomicLong sequence = new AtomicLong();
    private final AtomicLong plainReads = new AtomicLong();
    private final AtomicLong lockedReads = new AtomicLong();

    @Override
    public void add(Order order) {
        if (stored.putIfAbsent(order.id(), snapshot(order, order.version())) != null) {
            throw new IllegalStateException("order " + order.id() + " exists");
        }
    }

    @Override
    public Optional<Order> find(OrderId id) {
        plainReads.incrementAndGet();
        return read(id);
    }

    @Override
    public Optional<Order> lock(OrderId id) {
        lockedReads.incrementAndGet();
        return read(id);
    }

    private Optional<Order> read(OrderId id) {
        return Optional.ofNullable(stored.get(id)).map(it -> snapshot(it, it.version()));
    }

    @Override
    public synchronized void update(Order order) {
        Order current = stored.get(order.id());
        if (current == null || current.status() != OrderStatus.UNPAID || current.version() != order.version()) {
            throw new ConcurrentOrderChange(order.id());
        }
        stored.put(order.id(), snapshot(order, order.version() + 1));
    }

    @Override
    public List<Order> lockAll(Collection<OrderId> ids) {
        return ids.stream()
                .distinct()
                .sorted(Comparator.comparing(OrderId::toString))
                .peek(it -> lockedReads.incrementAndGet())
                .map(this::read)
                .flatMap(Optional::stream)
                .toList();
    }

    @Override
    public synchronized void updateAll(Collection<Order> orders) {
        orders.forEach(this::update);
    }

    @Override
    public List<PendingDeadline> unpaidByDeadline(Optional<Instant> dueBy, Optional<PendingDeadline> after, int limit) {
        Comparator<PendingDeadline> byDeadline = Comparator.comparing(PendingDeadline::deadline)
                .thenComparing(it -> it.order().value());
        return stored.values().stream()
                .filter(it -> it.status() == OrderStatus.UNPAID)
                .map(it -> new PendingDeadline(it.id(), it.paymentDeadline()))
                .filter(it -> dueBy.map(due -> !it.deadline().isAfter(due)).orElse(true))
                .filter(it ->
                        after.map(cursor -> byDeadline.compare(it, cursor) > 0).orElse(true))
                .sorted(byDeadline)
                .limit(limit)
                .toList();
    }

    @Override
    public List<PendingDeadline> unremindedByDeadline(
            Instant dueAfter, Duration windowLongerThan, Optional<PendingDeadline> after, int limit) {
        Comparator<PendingDeadline> byDeadline = Comparator.comparing(PendingDeadline::deadline)
                .thenComparing(it -> it.order().value());
        return stored.values().stream()
                .filter(it ->
                        it.status() == OrderStatus.UNPAID && it.remindedAt().isEmpty())
                .filter(it -> it.paymentDeadline().isAfter(dueAfter))
                .filter(it ->
                        Duration.between(it.createdAt(), it.paymentDeadline()).compareTo(windowLongerThan) > 0)
                .map(it -> new PendingDeadline(it.id(), it.paymentDeadline()))
                .filter(it ->
                        after.map(cursor -> byDeadline.compare(it, cursor) > 0).orElse(true))
                .sorted(byDeadline)
                .limit(limit)
                .toList();
    }

    @Override
    public List<Order> listOfCustomer(
            CustomerId customer, Optional<OrderStatus> status, Optional<OrderCursor> after, int limit) {
        Comparator<Order> newestFirst = Comparator.comparing(Order::createdAt)
                .thenComparing(it -> it.id().value())
                .reversed();
        return stored.values().stream()
                .filter(it -> it.belongsTo(customer))
                .filter(it -> status.map(s -> it.status() == s).orElse(true))
                .filter(it -> after.map(c -> it.createdAt().isBefore(c.createdAt())
                                || it.createdAt().equals(c.createdAt())
                                        && it.id().value().compareTo(c.orderId().value()) < 0)
                        .orElse(true))
                .sorted(newestFirst)
                .limit(limit)
                .map(it -> snapshot(it, it.version()))
                .toList();
    }

    @Override
    public List<OrderId> overdueOfCustomer(CustomerId customer, Instant now, int limit) {
        return stored.values().stream()
                .filter(it -> it.belongsTo(customer) && it.isOverdue(now))
                .limit(limit)
                .map(Order::id)
                .toList();
    }

    @Override
    public OrderNumber next(LocalDate day) {
        return OrderNumber.of(day, sequence.incrementAndGet());
    }

    public Order stored(OrderId id) {
        return read(id).orElseThrow();
    }

    /** How many times a use case read an order without a lock, and how many times with one (per order). */
    public long plainReads() {
        return plainReads.get();
    }

    public long lockedReads() {
        return lockedReads.get();
    }

    public int size() {
        return stored.size();
    }

    private static Order snapshot(Order order, long version) {
        return Order.restore(
                order.id(),
                order.number(),
                order.customerId(),
                order.items(),
                order.total(),
                order.createdAt(),
                order.paymentDeadline(),
                order.status(),
                order.paymentReference().orElse(null),
                order.paidAt().orElse(null),
                order.cancelledAt().orElse(null),
                order.cancellationReason().orElse(null),
                order.paymentInProgress().orElse(null),
                order.remindedAt().orElse(null),
                order.graceUntil().orElse(null),
                version);
    }
}
