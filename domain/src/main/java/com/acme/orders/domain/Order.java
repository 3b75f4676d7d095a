package com.acme.orders.domain;

import static com.acme.orders.domain.DomainRuleViolation.require;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.jmolecules.ddd.annotation.AggregateRoot;
import org.jmolecules.ddd.annotation.Identity;
import org.jspecify.annotations.Nullable;

/**
 * An order and the one decision it exists for: was it paid before its deadline, or not.
 *
 * <p>{@code UNPAID} moves to {@code PAID} or to {@code CANCELLED} and nothing else ever happens to it. Every method that
 * changes the order answers with a {@link Transition} and records exactly one {@link OrderEvent} when it changed.
 * Time always arrives as an argument, so the order never asks a hidden clock what time it is.
 *
 * <p>Passive close: an unpaid order whose deadline has passed closes itself as
 * {@link CancellationReason#PAYMENT_TIMEOUT} as soon as anyone asks it to do anything, so no caller ever sees it
 * {@code UNPAID} after its deadline and a late payment can never win. The one exception is a payment its provider
 * says it captured before the deadline: it settles the order instead, as long as nothing closed it first.
 */
@AggregateRoot
public final class Order {

    /** A basket bigger than this is a bug or an attack, not a purchase. */
    public static final int MAX_ITEMS = 100;

    @Identity
    private final OrderId id;

    private final OrderNumber number;
    private final CustomerId customerId;
    private final List<LineItem> items;
    private final Money total;
    private final Instant createdAt;
    private final Instant paymentDeadline;
    private final long version;
    private OrderStatus status;
    /** The status as placed or restored: what a stored change must move away from. */
    private final OrderStatus loadedStatus;

    private @Nullable PaymentReference paymentReference;
    private @Nullable Instant paidAt;
    private @Nullable Instant cancelledAt;
    private @Nullable CancellationReason cancellationReason;
    private @Nullable PaymentInProgress paymentInProgress;
    /** The payment in progress as placed or restored: whether there is something to store besides the status. */
    private final @Nullable PaymentInProgress loadedPaymentInProgress;

    private @Nullable Instant remindedAt;
    private final @Nullable Instant loadedRemindedAt;
    /** With a settlement grace: until when the timeout waits for payments captured in time and reported late. */
    private final @Nullable Instant graceUntil;

    private final List<OrderEvent> recordedEvents = new ArrayList<>();

    private Order(
            OrderId id,
            OrderNumber number,
            CustomerId customerId,
            List<LineItem> items,
            Money total,
            Instant createdAt,
            Instant paymentDeadline,
            OrderStatus status,
            @Nullable PaymentReference paymentReference,
            @Nullable Instant paidAt,
            @Nullable Instant cancelledAt,
            @Nullable CancellationReason cancellationReason,
            @Nullable PaymentInProgress paymentInProgress,
            @Nullable Instant remindedAt,
            @Nullable Instant graceUntil,
            long version) {
        this.id = Objects.requireNonNull(id, "id");
        this.number = Objects.requireNonNull(number, "number");
        this.customerId = Objects.requireNonNull(customerId, "customer id");
        this.items = List.copyOf(items);
        this.total = Objects.requireNonNull(total, "total");
        this.createdAt = Objects.requireNonNull(createdAt, "created at");
        this.paymentDeadline = Objects.requireNonNull(paymentDeadline, "payment deadline");
        this.status = Objects.requireNonNull(status, "status");
        this.loadedStatus = status;
        this.paymentReference = paymentReference;
        this.paidAt = paidAt;
        this.cancelledAt = cancelledAt;
        this.cancellationReason = cancellationReason;
        this.paymentInProgress = paymentInProgress;
        this.loadedPaymentInProgress = paymentInProgress;
        this.remindedAt = remindedAt;
        this.loadedRemindedAt = remindedAt;
        this.graceUntil = graceUntil;
        this.version = version;
    }

    /** A new unpaid order, due for payment {@code paymentWindow} after {@code now}. Records {@link OrderPlaced}. */
    public static Order place(
            OrderId id,
            OrderNumber number,
            CustomerId customerId,
            List<LineItem> items,
            Instant now,
            Duration paymentWindow) {
        return place(id, number, customerId, items, now, paymentWindow, Duration.ZERO);
    }

    /**
     * A new unpaid order, due for payment {@code paymentWindow} after {@code now}, whose timeout waits
     * {@code settlementGrace} past the deadline for payments captured before it and reported after it. Records
     * {@link OrderPlaced}.
     */
    public static Order place(
            OrderId id,
            OrderNumber number,
            CustomerId customerId,
            List<LineItem> items,
            Instant now,
            Duration paymentWindow,
            Duration settlementGrace) {
        Objects.requireNonNull(items, "items");
        require(!settlementGrace.isNegative(), "settlementGrace", "a settlement grace is not negative");
        require(!items.isEmpty(), "items", "an order has at least one item");
        require(items.size() <= MAX_ITEMS, "items", "an order has at most " + MAX_ITEMS + " items");
        require(paymentWindow.isPositive(), "paymentWindow", "a payment window is positive");
        var currency = items.getFirst().unitPrice().currency();
        var sum = BigDecimal.ZERO;
        for (int i = 0; i < items.size(); i++) {
            var item = Objects.requireNonNull(items.get(i), "item");
            require(
                    item.unitPrice().currency().equals(currency),
                    "items[" + i + "].unitPrice",
                    "all items of an order are priced in one currency");
            sum = sum.add(item.unitPrice()
                    .amount()
                    .multiply(BigDecimal.valueOf(item.quantity().value())));
        }
        // Summed exactly first and checked once, so a huge basket is refused with a clear reason, never wrapped round.
        require(sum.compareTo(Money.LIMIT) < 0, "items", "an order total is below " + Money.LIMIT.toPlainString());
        require(sum.signum() > 0, "items", "an order has something to pay");
        var total = Money.of(sum, currency);
        var order = new Order(
                id,
                number,
                customerId,
                items,
                total,
                now,
                now.plus(paymentWindow),
                OrderStatus.UNPAID,
                null,
                null,
                null,
                null,
                null,
                null,
                settlementGrace.isPositive() ? now.plus(paymentWindow).plus(settlementGrace) : null,
                0);
        order.recordedEvents.add(new OrderPlaced(
                UUID.randomUUID(), id, number, customerId, order.items, total, order.paymentDeadline, now));
        return order;
    }

    /** An order as it was stored. Records nothing: nothing happened. */
    public static Order restore(
            OrderId id,
            OrderNumber number,
            CustomerId customerId,
            List<LineItem> items,
            Money total,
            Instant createdAt,
            Instant paymentDeadline,
            OrderStatus status,
            @Nullable PaymentReference paymentReference,
            @Nullable Instant paidAt,
            @Nullable Instant cancelledAt,
            @Nullable CancellationReason cancellationReason,
            @Nullable PaymentInProgress paymentInProgress,
            @Nullable Instant remindedAt,
            @Nullable Instant graceUntil,
            long version) {
        return new Order(
                id,
                number,
                customerId,
                items,
                total,
                createdAt,
                paymentDeadline,
                status,
                paymentReference,
                paidAt,
                cancelledAt,
                cancellationReason,
                paymentInProgress,
                remindedAt,
                graceUntil,
                version);
    }

    /**
     * A payment provider says it took money for this order. The first matching payment before the deadline settles it
     * (before the deadline by the provider's capture time, when it gives one, as long as the order was not cancelled
     * yet);
     * the same payment reported again is already done; anything else is refused and leaves the order as it is
     * (except that an overdue order closes itself first). A payment for a cancelled order, or a second payment for a
     * paid one, is refused too, but the money was taken, so the order records a {@link RefundRequested} for it while
     * staying as it is. Reporting the same payment once is the caller's job: the order does not remember payments it
     * refused.
     */
    public Transition confirmPayment(Payment payment, Instant now) {
        Objects.requireNonNull(payment, "payment");
        // Past the deadline a payment is late, and closes the order, with two exceptions for an order still unpaid:
        // money the provider says it took before the deadline, and the success of the payment in progress the order
        // is held for. Once the order is cancelled, they are as late as any other payment.
        boolean inTime = now.isBefore(paymentDeadline)
                || payment.capturedBefore(paymentDeadline)
                || isHeldFor(payment.reference(), now);
        boolean settlesInTime =
                status == OrderStatus.UNPAID && inTime && payment.amount().equals(total);
        if (!settlesInTime) {
            closeIfLate(now);
        }
        return switch (status) {
            case PAID -> {
                if (payment.reference().equals(paymentReference)) {
                    yield new Transition.AlreadyDone();
                }
                requestRefund(payment, RefundReason.DUPLICATE_PAYMENT, now);
                yield new Transition.Refused(
                        Transition.Refusal.ORDER_PAID,
                        "order " + number + " was already paid by another payment; this one is refunded");
            }
            case CANCELLED -> {
                requestRefund(payment, RefundReason.LATE_PAYMENT, now);
                yield new Transition.Refused(Transition.Refusal.ORDER_CANCELLED, cancelledBecause());
            }
            case UNPAID -> {
                if (!payment.amount().equals(total)) {
                    yield new Transition.Refused(
                            Transition.Refusal.PAYMENT_MISMATCH,
                            "order " + number + " costs " + total + ", the payment was " + payment.amount());
                }
                status = OrderStatus.PAID;
                paymentReference = payment.reference();
                paymentInProgress = null;
                // Paid when the money moved, if the provider says so; never later than now, whatever its clock says.
                Instant paid = payment.captureTime()
                        .filter(captured -> captured.isBefore(now))
                        .orElse(now);
                paidAt = paid;
                yield record(new OrderPaid(UUID.randomUUID(), id, number, customerId, total, paymentReference, paid));
            }
        };
    }

    /**
     * A payment provider says a payment for this order started and its outcome is pending. Before the deadline, the
     * order notes it and waits for its outcome until the deadline plus {@code hold} instead of closing at its
     * deadline; the payment's success settles it meanwhile. The same payment reported again is already done; another
     * one replaces it (the customer tried again). Nothing is taken yet, so nothing is refunded when it is refused.
     */
    public Transition startPayment(PaymentReference reference, Money amount, Instant now, Duration hold) {
        Objects.requireNonNull(reference, "payment reference");
        Objects.requireNonNull(amount, "amount");
        require(!hold.isNegative(), "hold", "a hold is not negative");
        closeIfOverdue(now);
        return switch (status) {
            case PAID ->
                reference.equals(paymentReference)
                        ? new Transition.AlreadyDone()
                        : new Transition.Refused(
                                Transition.Refusal.ORDER_PAID,
                                "order " + number + " was already paid by another payment");
            case CANCELLED -> new Transition.Refused(Transition.Refusal.ORDER_CANCELLED, cancelledBecause());
            case UNPAID -> {
                if (paymentInProgress != null && paymentInProgress.reference().equals(reference)) {
                    yield new Transition.AlreadyDone();
                }
                if (!now.isBefore(paymentDeadline)) {
                    // Not closed past its deadline: held for another payment, whose outcome alone is awaited.
                    yield new Transition.Refused(
                            Transition.Refusal.DEADLINE_PASSED,
                            "the deadline of order " + number + " passed; it only waits for the payment in progress");
                }
                if (!amount.equals(total)) {
                    yield new Transition.Refused(
                            Transition.Refusal.PAYMENT_MISMATCH,
                            "order " + number + " costs " + total + ", the payment is for " + amount);
                }
                paymentInProgress = new PaymentInProgress(reference, now, paymentDeadline.plus(hold));
                yield new Transition.Noted();
            }
        };
    }

    /**
     * A payment provider says a payment for this order failed. If the order was held for it, the hold ends, and an
     * order past its deadline closes at once; a failure of any other payment changes nothing.
     */
    public Transition failPayment(PaymentReference reference, Instant now) {
        Objects.requireNonNull(reference, "payment reference");
        boolean released = status == OrderStatus.UNPAID
                && paymentInProgress != null
                && paymentInProgress.reference().equals(reference);
        if (released) {
            paymentInProgress = null;
        }
        if (closeIfOverdue(now)) {
            return new Transition.Changed(recordedEvents.getLast());
        }
        return released ? new Transition.Noted() : new Transition.AlreadyDone();
    }

    /**
     * Its deadline is near: an order still unpaid and not reminded yet raises its one {@link PaymentReminder}. Paid,
     * cancelled, reminded before or past its deadline, it has nothing to say.
     */
    public Transition remind(Instant now) {
        if (status != OrderStatus.UNPAID || remindedAt != null || !now.isBefore(paymentDeadline)) {
            return new Transition.AlreadyDone();
        }
        remindedAt = now;
        recordedEvents.add(new PaymentReminder(UUID.randomUUID(), id, number, customerId, total, paymentDeadline, now));
        return new Transition.Noted();
    }

    /** The customer withdraws an unpaid order. Cancelling a cancelled order is already done, whatever closed it. */
    public Transition cancelByCustomer(Instant now) {
        if (closeIfOverdue(now)) {
            return new Transition.Changed(recordedEvents.getLast());
        }
        return switch (status) {
            case CANCELLED -> new Transition.AlreadyDone();
            case PAID ->
                new Transition.Refused(
                        Transition.Refusal.ORDER_PAID, "order " + number + " is paid and can no longer be cancelled");
            case UNPAID -> cancel(CancellationReason.CUSTOMER_REQUEST, now);
        };
    }

    /** The payment deadline passed: an unpaid order is cancelled; a paid or cancelled one has nothing left to do. */
    public Transition expire(Instant now) {
        if (closeIfOverdue(now)) {
            return new Transition.Changed(recordedEvents.getLast());
        }
        return switch (status) {
            case CANCELLED -> new Transition.AlreadyDone();
            case PAID -> new Transition.Refused(Transition.Refusal.ORDER_PAID, "order " + number + " was paid in time");
            case UNPAID ->
                new Transition.Refused(
                        Transition.Refusal.DEADLINE_NOT_REACHED,
                        paymentInProgress == null
                                ? "order " + number + " can be paid until " + paymentDeadline
                                : "order " + number + " waits for payment " + paymentInProgress.reference() + " until "
                                        + closesAt());
        };
    }

    /**
     * Unpaid and due to be closed for want of payment: its deadline passed, and the hold of a payment in progress, if
     * any, ended too.
     */
    public boolean isOverdue(Instant now) {
        return status == OrderStatus.UNPAID && !now.isBefore(closesAt());
    }

    /**
     * When an unpaid order is closed for want of payment: its deadline, or later, the end of its settlement grace or
     * of its payment's hold.
     */
    public Instant closesAt() {
        return closesAt(paymentInProgress);
    }

    /**
     * When the order was due to close, as it was placed or restored: what the lag of its timeout is measured from,
     * also once the timeout ended its hold.
     */
    public Instant dueToCloseAt() {
        return closesAt(loadedPaymentInProgress);
    }

    private Instant closesAt(@Nullable PaymentInProgress held) {
        Instant closes = graceUntil != null && graceUntil.isAfter(paymentDeadline) ? graceUntil : paymentDeadline;
        return held != null && held.heldUntil().isAfter(closes) ? held.heldUntil() : closes;
    }

    /** Whether it was waiting for a payment in progress when it was placed or restored. */
    public boolean wasHeld() {
        return loadedPaymentInProgress != null;
    }

    /** With a settlement grace, until when the timeout waits for payments captured in time and reported late. */
    public Optional<Instant> graceUntil() {
        return Optional.ofNullable(graceUntil);
    }

    private boolean isHeldFor(PaymentReference reference, Instant now) {
        return paymentInProgress != null
                && paymentInProgress.reference().equals(reference)
                && now.isBefore(paymentInProgress.heldUntil());
    }

    /** For a payment that does not settle the order: past the deadline it is late, and the order closes. */
    private void closeIfLate(Instant now) {
        if (status == OrderStatus.UNPAID && !now.isBefore(paymentDeadline)) {
            cancel(CancellationReason.PAYMENT_TIMEOUT, now);
        }
    }

    private boolean closeIfOverdue(Instant now) {
        if (!isOverdue(now)) {
            return false;
        }
        cancel(CancellationReason.PAYMENT_TIMEOUT, now);
        return true;
    }

    private Transition cancel(CancellationReason reason, Instant now) {
        status = OrderStatus.CANCELLED;
        paymentInProgress = null;
        cancellationReason = reason;
        cancelledAt = now;
        return record(new OrderCancelled(UUID.randomUUID(), id, number, customerId, items, total, reason, now));
    }

    private void requestRefund(Payment payment, RefundReason reason, Instant now) {
        recordedEvents.add(new RefundRequested(
                UUID.randomUUID(), id, number, customerId, payment.reference(), payment.amount(), reason, now));
    }

    private Transition record(OrderEvent event) {
        recordedEvents.add(event);
        return new Transition.Changed(event);
    }

    private String cancelledBecause() {
        // Only asked of a cancelled order, which always has its reason.
        return switch (Objects.requireNonNull(cancellationReason, "a cancelled order has a reason")) {
            case PAYMENT_TIMEOUT ->
                "order " + number + " was cancelled because its payment deadline " + paymentDeadline + " passed";
            case CUSTOMER_REQUEST -> "order " + number + " was cancelled by the customer";
        };
    }

    /**
     * The order as placing it left it: unpaid, nothing settled. What the request that placed it was answered, and so
     * what a repeat of that request is answered, whatever happened to the order since.
     */
    public Order asPlaced() {
        return new Order(
                id,
                number,
                customerId,
                items,
                total,
                createdAt,
                paymentDeadline,
                OrderStatus.UNPAID,
                null,
                null,
                null,
                null,
                null,
                null,
                graceUntil,
                0);
    }

    /** The events raised since this object was placed or restored, oldest first; they must be stored with the order. */
    public List<OrderEvent> recordedEvents() {
        return Collections.unmodifiableList(recordedEvents);
    }

    /**
     * Whether there is anything to store since it was placed or restored: its state moved, a payment in progress
     * started or ended, or its customer was reminded. A refund request alone records an event, no change.
     */
    public boolean hasChanged() {
        return status != loadedStatus
                || !Objects.equals(paymentInProgress, loadedPaymentInProgress)
                || !Objects.equals(remindedAt, loadedRemindedAt);
    }

    public boolean belongsTo(CustomerId customer) {
        return customerId.equals(customer);
    }

    public OrderId id() {
        return id;
    }

    public OrderNumber number() {
        return number;
    }

    public CustomerId customerId() {
        return customerId;
    }

    public List<LineItem> items() {
        return items;
    }

    public Money total() {
        return total;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant paymentDeadline() {
        return paymentDeadline;
    }

    public OrderStatus status() {
        return status;
    }

    public Optional<PaymentReference> paymentReference() {
        return Optional.ofNullable(paymentReference);
    }

    public Optional<Instant> paidAt() {
        return Optional.ofNullable(paidAt);
    }

    public Optional<Instant> cancelledAt() {
        return Optional.ofNullable(cancelledAt);
    }

    public Optional<CancellationReason> cancellationReason() {
        return Optional.ofNullable(cancellationReason);
    }

    public Optional<PaymentInProgress> paymentInProgress() {
        return Optional.ofNullable(paymentInProgress);
    }

    /** When its customer was reminded of its deadline, if they were. */
    public Optional<Instant> remindedAt() {
        return Optional.ofNullable(remindedAt);
    }

    /** The version this object was loaded at; storing a change succeeds only if the stored row is still at it. */
    public long version() {
        return version;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Order that && id.equals(that.id);
    }

    @Override
    public int hashCode() {
        return id.hashCode();
    }

    @Override
    public String toString() {
        return "Order[" + number + ", " + status + "]";
    }
}
