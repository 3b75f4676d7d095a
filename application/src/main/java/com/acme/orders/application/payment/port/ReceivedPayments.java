package com.acme.orders.application.payment.port;

import com.acme.orders.application.change.port.ConcurrentOrderChange;
import com.acme.orders.domain.Money;
import com.acme.orders.domain.OrderId;
import com.acme.orders.domain.PaymentReference;
import com.acme.orders.domain.Transition;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.jmolecules.architecture.hexagonal.SecondaryPort;

/**
 * Every payment a provider reported, with what it did to its order, applied or not. Providers repeat notifications;
 * remembering each payment once is what makes a repeat answer the same and raise nothing new (a second refund request
 * for the same money would pay it back twice), and what keeps one payment from settling two orders. A refused payment
 * stays here for the people who sort out money that arrived but could not be applied.
 */
@SecondaryPort
public interface ReceivedPayments {

    Optional<ReceivedPayment> find(PaymentReference reference);

    /**
     * Remembers the payment, in the transaction of the order change it caused.
     *
     * @throws ConcurrentOrderChange when the same payment was recorded at the same moment for another order; the
     *                               retry finds that record
     */
    void record(ReceivedPayment payment);

    record ReceivedPayment(
            PaymentReference reference,
            OrderId orderId,
            Money amount,
            Outcome outcome,
            Optional<Transition.Refusal> refusal,
            String detail,
            Instant receivedAt) {
        public ReceivedPayment {
            Objects.requireNonNull(reference, "reference");
            Objects.requireNonNull(orderId, "order id");
            Objects.requireNonNull(amount, "amount");
            Objects.requireNonNull(outcome, "outcome");
            Objects.requireNonNull(refusal, "refusal");
            Objects.requireNonNull(detail, "detail");
            Objects.requireNonNull(receivedAt, "received at");
        }
    }

    enum Outcome {
        /** The payment settled the order. */
        PAID,
        /** The order was cancelled; the money goes back (a RefundRequested event was raised once). */
        REFUND_REQUESTED,
        /** The payment could not be applied (wrong amount or currency, or the order was paid by another payment). */
        REFUSED
    }
}
