package com.acme.orders.application;

import com.acme.orders.application.port.DeadlineIndex;
import com.acme.orders.application.port.EventPublication;
import com.acme.orders.application.port.OrderNumberSource;
import com.acme.orders.application.port.OrderRepository;
import com.acme.orders.application.port.Transactions;
import com.acme.orders.domain.CustomerId;
import com.acme.orders.domain.LineItem;
import com.acme.orders.domain.Order;
import com.acme.orders.domain.OrderId;
import com.acme.orders.domain.PaymentWindow;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jmolecules.architecture.hexagonal.PrimaryPort;

/** A customer places an order: it is stored unpaid with its payment deadline, and the deadline index learns of it. */
@PrimaryPort
public class PlaceOrder {

    private final OrderRepository orders;
    private final OrderNumberSource numbers;
    private final EventPublication events;
    private final DeadlineIndex deadlines;
    private final Transactions transactions;
    private final PaymentWindow paymentWindow;
    private final Clock clock;

    public PlaceOrder(OrderRepository orders, OrderNumberSource numbers, EventPublication events,
                      DeadlineIndex deadlines, Transactions transactions, PaymentWindow paymentWindow, Clock clock) {
        this.orders = orders;
        this.numbers = numbers;
        this.events = events;
        this.deadlines = deadlines;
        this.transactions = transactions;
        this.paymentWindow = paymentWindow;
        this.clock = clock;
    }

    public Order place(Command command) {
        Duration window = paymentWindow.forOrder(command.paymentWindow());
        Order placed = transactions.inTransaction(() -> {
            var now = clock.instant();
            var order = Order.place(OrderId.newId(), numbers.next(LocalDate.ofInstant(now, ZoneOffset.UTC)),
                    command.customer(), command.items(), now, window);
            orders.add(order);
            events.publish(order.recordedEvents());
            return order;
        });
        deadlines.track(placed.id(), placed.paymentDeadline());
        return placed;
    }

    /** The value objects validate themselves, so a command that exists is well formed. */
    public record Command(CustomerId customer, List<LineItem> items, Optional<Duration> paymentWindow) {
        public Command {
            Objects.requireNonNull(customer, "customer");
            items = List.copyOf(items);
            Objects.requireNonNull(paymentWindow, "payment window");
        }
    }
}
