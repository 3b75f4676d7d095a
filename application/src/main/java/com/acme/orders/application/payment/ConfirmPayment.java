package com.acme.orders.application.payment;

import com.acme.orders.application.change.DeadlineTime;
import com.acme.orders.application.change.OrderChange;
import com.acme.orders.application.change.OrderChanges;
import com.acme.orders.application.payment.port.ReceivedPayments;
import com.acme.orders.application.payment.port.ReceivedPayments.Outcome;
import com.acme.orders.application.payment.port.ReceivedPayments.ReceivedPayment;
import com.acme.orders.domain.Money;
import com.acme.orders.domain.Order;
import com.acme.orders.domain.OrderId;
import com.acme.orders.domain.Payment;
import com.acme.orders.domain.PaymentReference;
import com.acme.orders.domain.Transition;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.jmolecules.architecture.hexagonal.PrimaryPort;

/**
 * A payment provider reports money taken for an order. Before the deadline the order becomes paid; after it, the order
 * closes as timed out and the payment is refused, whichever of payment and timeout reaches the database first. Money
 * for a cancelled order, or a second payment for a paid one, is requested back. Each payment is decided once: a repeated notification gets the first
 * answer and raises nothing new, and a payment already applied to one order is refused for any other.
 */
@PrimaryPort
public class ConfirmPayment {

    private final OrderChanges changes;
    private final ReceivedPayments payments;
    /** Every decision below runs inside the order's transaction, so each reads the deadline time there. */
    private final DeadlineTime deadlineTime;

    private final Duration hold;

    public ConfirmPayment(OrderChanges changes, ReceivedPayments payments, DeadlineTime deadlineTime, Duration hold) {
        this.changes = changes;
        this.payments = payments;
        this.deadlineTime = deadlineTime;
        this.hold = hold;
    }

    public OrderChange confirm(OrderId order, Payment payment) {
        // Inside the order's lock: two deliveries of the same payment for this order are decided one after the other.
        return changes.apply(
                order,
                it -> payments.find(payment.reference())
                        .map(earlier -> answerAgain(it, earlier))
                        .orElseGet(() -> decide(it, payment)));
    }

    /**
     * The provider reports a payment started and its outcome pending: an unpaid order waits for it past its deadline,
     * for the hold. A payment already decided (it succeeded, or was refused) gets its first answer again.
     */
    public OrderChange started(OrderId order, PaymentReference reference, Money amount) {
        return changes.apply(
                order,
                it -> payments.find(reference)
                        .map(earlier -> answerAgain(it, earlier))
                        .orElseGet(() -> it.startPayment(reference, amount, deadlineTime.now(), hold)));
    }

    /** The provider reports a payment failed: an order held for it stops waiting, and closes if its deadline passed. */
    public OrderChange failed(OrderId order, PaymentReference reference) {
        return changes.apply(
                order,
                it -> payments.find(reference)
                        .map(earlier -> answerAgain(it, earlier))
                        .orElseGet(() -> it.failPayment(reference, deadlineTime.now())));
    }

    private Transition decide(Order order, Payment payment) {
        Instant now = deadlineTime.now();
        Transition transition = order.confirmPayment(payment, now);
        payments.record(new ReceivedPayment(
                payment.reference(),
                order.id(),
                payment.amount(),
                outcome(transition),
                transition instanceof Transition.Refused refused ? Optional.of(refused.refusal()) : Optional.empty(),
                transition instanceof Transition.Refused refused ? refused.detail() : "",
                now));
        return transition;
    }

    private static Outcome outcome(Transition transition) {
        return switch (transition) {
            // The money was taken and the order cannot keep it: a late payment, or a second one for a paid order.
            case Transition.Refused refused
            when refused.refusal() == Transition.Refusal.ORDER_CANCELLED
                    || refused.refusal() == Transition.Refusal.ORDER_PAID -> Outcome.REFUND_REQUESTED;
            case Transition.Refused refused -> Outcome.REFUSED;
            case Transition.Changed changed -> Outcome.PAID;
            case Transition.AlreadyDone done -> Outcome.PAID;
            case Transition.Noted noted ->
                throw new IllegalStateException("a payment that succeeded is never only noted");
        };
    }

    private static Transition answerAgain(Order order, ReceivedPayment earlier) {
        if (!earlier.orderId().equals(order.id())) {
            return new Transition.Refused(
                    Transition.Refusal.PAYMENT_MISMATCH,
                    "payment " + earlier.reference()
                            + " was reported for another order; one payment settles one order");
        }
        return switch (earlier.outcome()) {
            case PAID -> new Transition.AlreadyDone();
            case REFUND_REQUESTED, REFUSED ->
                new Transition.Refused(earlier.refusal().orElse(Transition.Refusal.ORDER_CANCELLED), earlier.detail());
        };
    }
}
