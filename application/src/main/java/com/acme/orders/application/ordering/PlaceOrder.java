package com.acme.orders.application.ordering;

import com.acme.orders.application.change.AfterCommit;
import com.acme.orders.application.change.port.EventPublication;
import com.acme.orders.application.change.port.OrderRepository;
import com.acme.orders.application.change.port.Transactions;
import com.acme.orders.application.ordering.port.IdempotencyKeys;
import com.acme.orders.application.ordering.port.OrderNumberSource;
import com.acme.orders.domain.CustomerId;
import com.acme.orders.domain.LineItem;
import com.acme.orders.domain.Order;
import com.acme.orders.domain.OrderId;
import com.acme.orders.domain.PaymentWindow;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jmolecules.architecture.hexagonal.PrimaryPort;

/** A customer places an order: it is stored unpaid with its payment deadline, and the deadline index learns of it. */
@PrimaryPort
public class PlaceOrder {

    private final OrderRepository orders;
    private final IdempotencyKeys idempotencyKeys;
    private final OrderNumberSource numbers;
    private final EventPublication events;
    private final AfterCommit afterCommit;
    private final Transactions transactions;
    private final PaymentWindow paymentWindow;
    private final Duration settlementGrace;
    private final Clock clock;

    public PlaceOrder(
            OrderRepository orders,
            IdempotencyKeys idempotencyKeys,
            OrderNumberSource numbers,
            EventPublication events,
            AfterCommit afterCommit,
            Transactions transactions,
            PaymentWindow paymentWindow,
            Duration settlementGrace,
            Clock clock) {
        this.orders = orders;
        this.idempotencyKeys = idempotencyKeys;
        this.numbers = numbers;
        this.events = events;
        this.afterCommit = afterCommit;
        this.transactions = transactions;
        this.paymentWindow = paymentWindow;
        this.settlementGrace = settlementGrace;
        this.clock = clock;
    }

    public Order place(Command command) {
        return place(command, Optional.empty()).order();
    }

    /**
     * With an idempotency key, the first request with that key (of this customer) creates the order and every later
     * one gets that same order back as it was created (the first answer, whatever happened to the order since),
     * created nothing; a later one asking for something else is refused with
     * {@link IdempotencyKeyReused}. The key is claimed in the transaction that adds the order, so of two concurrent
     * requests with one key exactly one creates an order, and neither half-exists if the other fails.
     */
    public Placed place(Command command, Optional<String> idempotencyKey) {
        Duration window = paymentWindow.forOrder(command.paymentWindow());
        Placed placed = transactions.inTransaction(() -> {
            var id = OrderId.newId();
            var now = clock.instant();
            if (idempotencyKey.isPresent()) {
                String key = idempotencyKey.get();
                String fingerprint = fingerprint(command);
                var earlier = idempotencyKeys.find(command.customer(), key);
                if (earlier.isPresent()) {
                    return replay(earlier.get(), fingerprint, key);
                }
                if (!idempotencyKeys.claim(command.customer(), key, fingerprint, id, now)) {
                    return replay(idempotencyKeys.find(command.customer(), key).orElseThrow(), fingerprint, key);
                }
            }
            var order = Order.place(
                    id,
                    numbers.next(LocalDate.ofInstant(now, ZoneOffset.UTC)),
                    command.customer(),
                    command.items(),
                    now,
                    window,
                    settlementGrace);
            orders.add(order);
            events.publish(order.recordedEvents());
            return new Placed(order, false);
        });
        if (!placed.replayed()) {
            var order = placed.order();
            afterCommit.placed(order.id(), order.createdAt(), order.paymentDeadline(), order.closesAt());
        }
        return placed;
    }

    private Placed replay(IdempotencyKeys.RememberedRequest earlier, String fingerprint, String key) {
        if (!earlier.requestFingerprint().equals(fingerprint)) {
            throw new IdempotencyKeyReused(key);
        }
        // The first answer again, not the order as it is now: a client retrying after a lost answer learns what it
        // would have learnt the first time, and reads the order to see what happened since.
        return new Placed(orders.find(earlier.order()).orElseThrow().asPlaced(), true);
    }

    /**
     * What the command asks for, independent of how it was spelled: 12.5 and 12.50 EUR are the same price. A SHA-256
     * hex digest, so the stored fingerprint has a fixed size whatever the basket.
     */
    static String fingerprint(Command command) {
        var text = new StringBuilder();
        for (LineItem item : command.items()) {
            text.append(item.sku().value())
                    .append('|')
                    .append(item.quantity().value())
                    .append('|')
                    .append(item.unitPrice().currency().getCurrencyCode())
                    .append('|')
                    .append(item.unitPrice().amount().stripTrailingZeros().toPlainString())
                    .append('\n');
        }
        text.append("window|")
                .append(command.paymentWindow().map(Duration::toString).orElse("standard"));
        try {
            byte[] digest =
                    MessageDigest.getInstance("SHA-256").digest(text.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /** The order, and whether it was created by an earlier request with the same idempotency key. */
    public record Placed(Order order, boolean replayed) {}

    /** The value objects validate themselves, so a command that exists is well formed. */
    public record Command(CustomerId customer, List<LineItem> items, Optional<Duration> paymentWindow) {
        public Command {
            Objects.requireNonNull(customer, "customer");
            items = List.copyOf(items);
            Objects.requireNonNull(paymentWindow, "payment window");
        }
    }
}
