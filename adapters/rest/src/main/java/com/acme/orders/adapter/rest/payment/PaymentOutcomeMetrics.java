package com.acme.orders.adapter.rest.payment;

import com.acme.orders.application.change.OrderChange;
import com.acme.orders.domain.RefundRequested;
import com.acme.orders.domain.Transition;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.util.Locale;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * What payment notifications did, for operators. Counted from each notification's own decision, so a repeat of a
 * notification counts nothing twice:
 *
 * <ul>
 *   <li>{@code orders.payments.holds.started}: payments reported in progress that made an order wait for them;
 *   <li>{@code orders.payments.holds.ended} (tag {@code outcome}: {@code failed}): holds a failure ended (holds whose
 *       payment succeeded count as prevented cancellations; the timeout worker counts those whose time ran out, with
 *       {@code outcome} {@code expired});
 *   <li>{@code orders.payments.cancellations.prevented}: orders paid after their deadline, by the payment they were
 *       held for or by money captured before the deadline, which would otherwise have been cancelled and refunded;
 *   <li>{@code orders.payments.refunds.requested} (tag {@code reason}: {@code late_payment},
 *       {@code duplicate_payment}): money owed back.
 * </ul>
 */
@Component
public class PaymentOutcomeMetrics {

    private final MeterRegistry meters;
    private final Clock clock;

    PaymentOutcomeMetrics(ObjectProvider<MeterRegistry> meters, Clock clock) {
        this.meters = meters.getIfAvailable(SimpleMeterRegistry::new);
        this.clock = clock;
    }

    void started(OrderChange change) {
        if (change.transition() instanceof Transition.Noted) {
            meters.counter("orders.payments.holds.started").increment();
        }
    }

    /** A failure ends a hold when the order took note of it, or closed because of it (its deadline had passed). */
    void failed(OrderChange change) {
        if (change.transition() instanceof Transition.Noted || change.transition() instanceof Transition.Changed) {
            meters.counter("orders.payments.holds.ended", "outcome", "failed").increment();
        }
    }

    void succeeded(OrderChange change) {
        if (change.transition() instanceof Transition.Changed
                && !clock.instant().isBefore(change.order().paymentDeadline())) {
            meters.counter("orders.payments.cancellations.prevented").increment();
        }
        change.order().recordedEvents().stream()
                .filter(RefundRequested.class::isInstance)
                .map(RefundRequested.class::cast)
                .forEach(refund -> meters.counter(
                                "orders.payments.refunds.requested",
                                "reason",
                                refund.reason().name().toLowerCase(Locale.ROOT))
                        .increment());
    }
}
