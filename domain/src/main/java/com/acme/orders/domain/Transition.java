package com.acme.orders.domain;

import java.util.Objects;

/**
 * The answer of the order to a request to change: it changed (and here is the event), it had already done exactly
 * this, or it refuses and says why. A refusal is an answer, not an exception: the caller decides what it means for
 * its own client (a 409 for a customer, a no-op for the timeout worker).
 */
public sealed interface Transition {

    record Changed(OrderEvent event) implements Transition {
        public Changed {
            Objects.requireNonNull(event, "event");
        }
    }

    record AlreadyDone() implements Transition {}

    /**
     * The order took note of something and stays unpaid: a payment in progress started or ended (no event), or its
     * customer was reminded of the deadline (its {@link PaymentReminder}). No change of state.
     */
    record Noted() implements Transition {}

    record Refused(Refusal refusal, String detail) implements Transition {
        public Refused {
            Objects.requireNonNull(refusal, "refusal");
            Objects.requireNonNull(detail, "detail");
        }
    }

    enum Refusal {
        /** The order was paid; it can no longer be cancelled or paid again by another payment. */
        ORDER_PAID,
        /** The order was cancelled; a payment can no longer settle it. */
        ORDER_CANCELLED,
        /** The payment does not match what the order costs (amount or currency). */
        PAYMENT_MISMATCH,
        /** The deadline has not passed yet, so the order cannot time out. */
        DEADLINE_NOT_REACHED,
        /** The deadline passed while another payment is in progress: the order takes no new one. */
        DEADLINE_PASSED
    }
}
