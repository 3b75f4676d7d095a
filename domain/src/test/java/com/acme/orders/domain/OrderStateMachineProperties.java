package com.acme.orders.domain;

import static org.assertj.core.api.Assertions.assertThat;

import com.acme.orders.domain.Transition.AlreadyDone;
import com.acme.orders.domain.Transition.Changed;
import com.acme.orders.domain.Transition.Noted;
import com.acme.orders.domain.Transition.Refused;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Whatever happens to an order, in whatever order and at whatever time: it leaves {@code UNPAID} at most once, only for
 * {@code PAID} or {@code CANCELLED}, for {@code PAID} only with money taken before its deadline (when the payment was
 * received, or captured by the provider's word) or by the payment in progress it was held for, is not timed out while
 * held, and raises exactly one event per change.
 */
class OrderStateMachineProperties {

    /** How long past its deadline an order waits for a payment in progress. */
    static final Duration HOLD = Duration.ofSeconds(60);

    sealed interface Request {
        Transition applyTo(Order order);

        Instant at();
    }

    /** {@code capturedSecondsEarlier} below zero: the provider does not say when it captured the money. */
    record Pay(String reference, String amount, Instant at, int capturedSecondsEarlier) implements Request {
        public Transition applyTo(Order order) {
            return order.confirmPayment(payment(), at);
        }

        Payment payment() {
            var payment = Orders.payment(reference, amount);
            return capturedSecondsEarlier < 0
                    ? payment
                    : new Payment(payment.reference(), payment.amount(), at.minusSeconds(capturedSecondsEarlier));
        }
    }

    record StartPayment(String reference, Instant at) implements Request {
        public Transition applyTo(Order order) {
            return order.startPayment(new PaymentReference(reference), order.total(), at, HOLD);
        }
    }

    record FailPayment(String reference, Instant at) implements Request {
        public Transition applyTo(Order order) {
            return order.failPayment(new PaymentReference(reference), at);
        }
    }

    record Remind(Instant at) implements Request {
        public Transition applyTo(Order order) {
            return order.remind(at);
        }
    }

    record CustomerCancel(Instant at) implements Request {
        public Transition applyTo(Order order) {
            return order.cancelByCustomer(at);
        }
    }

    record Expire(Instant at) implements Request {
        public Transition applyTo(Order order) {
            return order.expire(at);
        }
    }

    @Property(tries = 2000)
    void an_order_leaves_unpaid_at_most_once_and_raises_one_event_per_change_and_one_refund_per_payment_it_cannot_keep(
            @ForAll("requests") List<Request> requests) {
        Order order = Orders.unpaid();
        OrderStatus previous = order.status();
        int changes = changesOf(order).size();
        int refunds = refundsOf(order).size();

        for (Request request : requests) {
            boolean capturedInTime = request instanceof Pay pay
                    && pay.payment().captureTime().orElse(Instant.MAX).isBefore(order.paymentDeadline())
                    && pay.payment().amount().equals(order.total());
            var heldBefore = order.paymentInProgress();
            Transition transition = request.applyTo(order);
            OrderStatus now = order.status();
            int raised = changesOf(order).size() - changes;
            int refundsRaised = refundsOf(order).size() - refunds;

            if (previous.isFinal()) {
                assertThat(now).as("a final state never changes").isEqualTo(previous);
            }
            if (previous == OrderStatus.UNPAID && now == OrderStatus.PAID) {
                var pay = (Pay) request;
                assertThat(pay.at().isBefore(order.paymentDeadline())
                                || capturedInTime
                                || heldBefore
                                        .filter(held -> held.reference().value().equals(pay.reference()))
                                        .filter(held -> pay.at().isBefore(held.heldUntil()))
                                        .isPresent())
                        .as("paid only with money taken in time, or by the payment in progress during its hold")
                        .isTrue();
            }
            if (request instanceof Expire expire
                    && previous == OrderStatus.UNPAID
                    && heldBefore
                            .filter(held -> expire.at().isBefore(held.heldUntil()))
                            .isPresent()) {
                assertThat(now)
                        .as("the timeout waits for a payment in progress")
                        .isEqualTo(OrderStatus.UNPAID);
            }
            long reminders = order.recordedEvents().stream()
                    .filter(PaymentReminder.class::isInstance)
                    .count();
            assertThat(reminders).as("a customer is reminded once at most").isLessThanOrEqualTo(1);
            if (request instanceof Remind remind && transition instanceof Noted) {
                assertThat(previous).as("only an unpaid order reminds").isEqualTo(OrderStatus.UNPAID);
                assertThat(remind.at()).as("only before its deadline").isBefore(order.paymentDeadline());
                assertThat(order.recordedEvents().getLast()).isInstanceOf(PaymentReminder.class);
            }
            if (transition instanceof Noted) {
                assertThat(raised + refundsRaised).isZero();
                assertThat(now).isEqualTo(OrderStatus.UNPAID);
            }
            if (now.isFinal()) {
                assertThat(order.paymentInProgress())
                        .as("a settled order waits for nothing")
                        .isEmpty();
            }
            if (previous == OrderStatus.UNPAID && capturedInTime) {
                assertThat(now)
                        .as(
                                "a full payment captured before the deadline settles an unpaid order, however late it arrives")
                        .isEqualTo(OrderStatus.PAID);
            }
            assertThat(raised).as("change events raised by one request").isBetween(0, 1);
            assertThat(raised == 1)
                    .as("a change event is raised exactly when the status changes")
                    .isEqualTo(now != previous);
            boolean late = request instanceof Pay && now == OrderStatus.CANCELLED;
            boolean duplicate = request instanceof Pay pay
                    && previous == OrderStatus.PAID
                    && !order.paymentReference().orElseThrow().value().equals(pay.reference());
            assertThat(refundsRaised == 1)
                    .as("a payment for a cancelled order, or a second payment for a paid one, and only that, requests"
                            + " its refund")
                    .isEqualTo(late || duplicate);
            if (refundsRaised == 1) {
                assertThat(((RefundRequested) order.recordedEvents().getLast()).reason())
                        .isEqualTo(late ? RefundReason.LATE_PAYMENT : RefundReason.DUPLICATE_PAYMENT);
            }
            if (transition instanceof Changed changed) {
                assertThat(raised).isEqualTo(1);
                assertThat(changed.event()).isSameAs(order.recordedEvents().getLast());
            }
            if (transition instanceof AlreadyDone) {
                assertThat(raised + refundsRaised).isZero();
            }
            if (transition instanceof Refused && raised == 1) {
                // the only refusal that changes anything: a payment after the deadline closes the order first
                assertThat(order.cancellationReason()).contains(CancellationReason.PAYMENT_TIMEOUT);
            }
            previous = now;
            changes = changesOf(order).size();
            refunds = refundsOf(order).size();
        }

        assertThat(order.recordedEvents().getFirst()).isInstanceOf(OrderPlaced.class);
        assertThat(changesOf(order)).hasSize(order.status().isFinal() ? 2 : 1);
        order.paidAt()
                .ifPresent(paidAt ->
                        assertThat(paidAt).isBefore(order.paymentDeadline().plus(HOLD)));
        if (order.status() == OrderStatus.PAID) {
            assertThat(changesOf(order).getLast()).isInstanceOf(OrderPaid.class);
            assertThat(refundsOf(order))
                    .allSatisfy(refund ->
                            assertThat(((RefundRequested) refund).reason()).isEqualTo(RefundReason.DUPLICATE_PAYMENT));
        }
        if (order.status() == OrderStatus.CANCELLED) {
            assertThat(changesOf(order).getLast())
                    .isInstanceOfSatisfying(
                            OrderCancelled.class,
                            cancelled -> assertThat(cancelled.reason())
                                    .isEqualTo(order.cancellationReason().orElseThrow()));
        }
    }

    private static List<OrderEvent> changesOf(Order order) {
        return order.recordedEvents().stream()
                .filter(event -> !(event instanceof RefundRequested) && !(event instanceof PaymentReminder))
                .toList();
    }

    private static List<OrderEvent> refundsOf(Order order) {
        return order.recordedEvents().stream()
                .filter(RefundRequested.class::isInstance)
                .toList();
    }

    @Provide
    Arbitrary<List<Request>> requests() {
        // Times cluster around the deadline, where payment and timeout meet.
        Arbitrary<Instant> at = Arbitraries.longs()
                .between(-120, 120)
                .map(seconds -> Orders.DEADLINE.plus(Duration.ofSeconds(seconds)));
        Arbitrary<Request> pay = Combinators.combine(
                        Arbitraries.of("pi_1", "pi_2"),
                        Arbitraries.of("25.99", "25.98", "0.01"),
                        at,
                        Arbitraries.integers().between(-1, 90))
                .as(Pay::new);
        Arbitrary<Request> start =
                Combinators.combine(Arbitraries.of("pi_1", "pi_2"), at).as(StartPayment::new);
        Arbitrary<Request> fail =
                Combinators.combine(Arbitraries.of("pi_1", "pi_2"), at).as(FailPayment::new);
        Arbitrary<Request> remind = at.map(Remind::new);
        Arbitrary<Request> cancel = at.map(CustomerCancel::new);
        Arbitrary<Request> expire = at.map(Expire::new);
        return Arbitraries.oneOf(pay, start, fail, remind, cancel, expire)
                .list()
                .ofMaxSize(10);
    }
}
