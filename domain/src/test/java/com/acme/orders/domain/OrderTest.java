package com.acme.orders.domain;

import static com.acme.orders.domain.Orders.ALICE;
import static com.acme.orders.domain.Orders.DEADLINE;
import static com.acme.orders.domain.Orders.PLACED_AT;
import static com.acme.orders.domain.Orders.WINDOW;
import static com.acme.orders.domain.Orders.fullPayment;
import static com.acme.orders.domain.Orders.item;
import static com.acme.orders.domain.Orders.payment;
import static com.acme.orders.domain.Orders.unpaid;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.acme.orders.domain.Transition.AlreadyDone;
import com.acme.orders.domain.Transition.Changed;
import com.acme.orders.domain.Transition.Refusal;
import com.acme.orders.domain.Transition.Refused;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class OrderTest {

    private static final OrderNumber NUMBER = OrderNumber.of(LocalDate.of(2026, 11, 23), 7);

    @Nested
    class Placing {

        @Test
        void a_placed_order_is_unpaid_totals_its_items_and_is_due_one_window_later() {
            Order order = unpaid();

            assertThat(order.status()).isEqualTo(OrderStatus.UNPAID);
            assertThat(order.total()).isEqualTo(Money.of("25.99", "EUR"));
            assertThat(order.paymentDeadline()).isEqualTo(DEADLINE);
            assertThat(order.version()).isZero();
            assertThat(order.recordedEvents()).singleElement().isInstanceOfSatisfying(OrderPlaced.class, placed -> {
                assertThat(placed.orderId()).isEqualTo(order.id());
                assertThat(placed.total()).isEqualTo(order.total());
                assertThat(placed.paymentDeadline()).isEqualTo(DEADLINE);
                assertThat(placed.items()).hasSize(2);
            });
        }

        @Test
        void an_order_without_items_is_refused() {
            assertThatThrownBy(() -> Order.place(OrderId.newId(), NUMBER, ALICE, List.of(), PLACED_AT, WINDOW))
                    .isInstanceOf(DomainRuleViolation.class)
                    .hasMessageContaining("at least one item");
        }

        @Test
        void an_order_with_more_than_the_maximum_of_items_is_refused() {
            var items = Collections.nCopies(Order.MAX_ITEMS + 1, item("A", 1, "1.00"));
            assertThatThrownBy(() -> Order.place(OrderId.newId(), NUMBER, ALICE, items, PLACED_AT, WINDOW))
                    .isInstanceOf(DomainRuleViolation.class)
                    .hasMessageContaining("at most");
        }

        @Test
        void items_priced_in_two_currencies_are_refused() {
            var items =
                    List.of(item("A", 1, "1.00"), new LineItem(new Sku("B"), new Quantity(1), Money.of("1.00", "USD")));
            assertThatThrownBy(() -> Order.place(OrderId.newId(), NUMBER, ALICE, items, PLACED_AT, WINDOW))
                    .isInstanceOf(DomainRuleViolation.class)
                    .hasMessageContaining("one currency");
        }

        @Test
        void a_total_at_or_above_the_money_limit_is_refused_instead_of_overflowing() {
            var items = Collections.nCopies(Order.MAX_ITEMS, item("A", Quantity.MAX, "999999999999.99"));
            assertThatThrownBy(() -> Order.place(OrderId.newId(), NUMBER, ALICE, items, PLACED_AT, WINDOW))
                    .isInstanceOf(DomainRuleViolation.class)
                    .hasMessageContaining("total");
        }

        @Test
        void an_order_with_nothing_to_pay_is_refused() {
            assertThatThrownBy(() -> Order.place(
                            OrderId.newId(), NUMBER, ALICE, List.of(item("FREE", 3, "0")), PLACED_AT, WINDOW))
                    .isInstanceOf(DomainRuleViolation.class);
        }
    }

    @Nested
    class Paying {

        @Test
        void a_matching_payment_before_the_deadline_pays_the_order() {
            Order order = unpaid();
            var at = DEADLINE.minusMillis(1);

            Transition transition = order.confirmPayment(fullPayment("pi_1"), at);

            assertThat(transition)
                    .isInstanceOfSatisfying(
                            Changed.class,
                            changed -> assertThat(changed.event()).isInstanceOf(OrderPaid.class));
            assertThat(order.status()).isEqualTo(OrderStatus.PAID);
            assertThat(order.paidAt()).contains(at);
            assertThat(order.paymentReference()).contains(new PaymentReference("pi_1"));
        }

        @Test
        void the_same_payment_reported_again_is_already_done_and_raises_nothing() {
            Order order = unpaid();
            order.confirmPayment(fullPayment("pi_1"), PLACED_AT);

            assertThat(order.confirmPayment(fullPayment("pi_1"), PLACED_AT.plusSeconds(5)))
                    .isInstanceOf(AlreadyDone.class);
            assertThat(order.recordedEvents()).hasSize(2);
        }

        @Test
        void a_second_different_payment_on_a_paid_order_is_refused_and_its_money_requested_back() {
            Order order = unpaid();
            order.confirmPayment(fullPayment("pi_1"), PLACED_AT);

            assertThat(order.confirmPayment(fullPayment("pi_2"), PLACED_AT.plusSeconds(5)))
                    .isInstanceOfSatisfying(
                            Refused.class, r -> assertThat(r.refusal()).isEqualTo(Refusal.ORDER_PAID));
            assertThat(order.paymentReference()).contains(new PaymentReference("pi_1"));
            assertThat(order.status()).isEqualTo(OrderStatus.PAID);
            assertThat(order.recordedEvents().getLast()).isInstanceOfSatisfying(RefundRequested.class, refund -> {
                assertThat(refund.reason()).isEqualTo(RefundReason.DUPLICATE_PAYMENT);
                assertThat(refund.paymentReference()).isEqualTo(new PaymentReference("pi_2"));
                assertThat(refund.amount()).isEqualTo(order.total());
                assertThat(refund.occurredAt()).isEqualTo(PLACED_AT.plusSeconds(5));
            });
        }

        @Test
        void a_payment_of_the_wrong_amount_or_currency_is_refused_and_the_order_stays_unpaid() {
            Order order = unpaid();

            assertThat(order.confirmPayment(payment("pi_1", "25.98"), PLACED_AT))
                    .isInstanceOfSatisfying(
                            Refused.class, r -> assertThat(r.refusal()).isEqualTo(Refusal.PAYMENT_MISMATCH));
            var dollars = new Payment(new PaymentReference("pi_2"), Money.of("25.99", "USD"));
            assertThat(order.confirmPayment(dollars, PLACED_AT)).isInstanceOf(Refused.class);
            assertThat(order.status()).isEqualTo(OrderStatus.UNPAID);
            assertThat(order.recordedEvents()).hasSize(1);
        }

        @Test
        void a_payment_at_the_deadline_closes_the_order_as_timed_out_and_is_refused() {
            Order order = unpaid();

            Transition transition = order.confirmPayment(fullPayment("pi_1"), DEADLINE);

            assertThat(transition).isInstanceOfSatisfying(Refused.class, r -> {
                assertThat(r.refusal()).isEqualTo(Refusal.ORDER_CANCELLED);
                assertThat(r.detail()).contains("deadline");
            });
            assertThat(order.status()).isEqualTo(OrderStatus.CANCELLED);
            assertThat(order.cancellationReason()).contains(CancellationReason.PAYMENT_TIMEOUT);
            assertThat(order.recordedEvents().get(1))
                    .isInstanceOfSatisfying(
                            OrderCancelled.class,
                            cancelled -> assertThat(cancelled.reason()).isEqualTo(CancellationReason.PAYMENT_TIMEOUT));
            assertThat(order.recordedEvents().getLast()).isInstanceOf(RefundRequested.class);
        }

        @Test
        void a_payment_captured_before_the_deadline_settles_the_order_when_its_notification_arrives_after_it() {
            Order order = unpaid();
            Instant captured = DEADLINE.minusMillis(20);

            Transition transition = order.confirmPayment(
                    new Payment(new PaymentReference("pi_edge"), order.total(), captured), DEADLINE.plusMillis(300));

            assertThat(transition).isInstanceOf(Changed.class);
            assertThat(order.status()).isEqualTo(OrderStatus.PAID);
            assertThat(order.paidAt()).contains(captured);
            assertThat(order.recordedEvents().getLast())
                    .isInstanceOfSatisfying(
                            OrderPaid.class,
                            paid -> assertThat(paid.occurredAt()).isEqualTo(captured));
        }

        @Test
        void a_payment_captured_at_or_after_the_deadline_is_late_and_refunded() {
            Order order = unpaid();

            Transition transition = order.confirmPayment(
                    new Payment(new PaymentReference("pi_late"), order.total(), DEADLINE), DEADLINE.plusMillis(300));

            assertThat(transition)
                    .isInstanceOfSatisfying(
                            Refused.class, r -> assertThat(r.refusal()).isEqualTo(Refusal.ORDER_CANCELLED));
            assertThat(order.cancellationReason()).contains(CancellationReason.PAYMENT_TIMEOUT);
            assertThat(order.recordedEvents().getLast()).isInstanceOf(RefundRequested.class);
        }

        @Test
        void a_payment_captured_in_time_of_the_wrong_amount_does_not_hold_the_deadline() {
            Order order = unpaid();

            order.confirmPayment(
                    new Payment(new PaymentReference("pi_short"), Money.of("1.00", "EUR"), DEADLINE.minusSeconds(1)),
                    DEADLINE.plusSeconds(1));

            assertThat(order.status()).isEqualTo(OrderStatus.CANCELLED);
        }

        @Test
        void a_capture_time_ahead_of_the_service_clock_pays_the_order_as_of_now() {
            Order order = unpaid();
            Instant now = DEADLINE.minusSeconds(10);

            order.confirmPayment(
                    new Payment(new PaymentReference("pi_fast_clock"), order.total(), now.plusSeconds(5)), now);

            assertThat(order.paidAt()).contains(now);
        }

        @Test
        void a_payment_for_a_cancelled_order_leaves_it_cancelled_and_requests_the_money_back() {
            Order order = unpaid();
            order.cancelByCustomer(PLACED_AT);
            Order cancelled = Order.restore(
                    order.id(),
                    order.number(),
                    order.customerId(),
                    order.items(),
                    order.total(),
                    order.createdAt(),
                    order.paymentDeadline(),
                    OrderStatus.CANCELLED,
                    null,
                    null,
                    PLACED_AT,
                    CancellationReason.CUSTOMER_REQUEST,
                    null,
                    null,
                    null,
                    1);

            Transition transition = cancelled.confirmPayment(fullPayment("pi_late"), PLACED_AT.plusSeconds(5));

            assertThat(transition)
                    .isInstanceOfSatisfying(
                            Refused.class, r -> assertThat(r.refusal()).isEqualTo(Refusal.ORDER_CANCELLED));
            assertThat(cancelled.status()).isEqualTo(OrderStatus.CANCELLED);
            assertThat(cancelled.hasChanged()).isFalse();
            assertThat(cancelled.recordedEvents())
                    .singleElement()
                    .isInstanceOfSatisfying(RefundRequested.class, refund -> {
                        assertThat(refund.paymentReference().value()).isEqualTo("pi_late");
                        assertThat(refund.reason()).isEqualTo(RefundReason.LATE_PAYMENT);
                        assertThat(refund.amount()).isEqualTo(cancelled.total());
                        assertThat(refund.orderId()).isEqualTo(cancelled.id());
                    });
        }
    }

    @Nested
    class Cancelling {

        @Test
        void a_customer_cancels_an_unpaid_order() {
            Order order = unpaid();

            assertThat(order.cancelByCustomer(PLACED_AT.plusSeconds(60))).isInstanceOf(Changed.class);
            assertThat(order.status()).isEqualTo(OrderStatus.CANCELLED);
            assertThat(order.cancellationReason()).contains(CancellationReason.CUSTOMER_REQUEST);
            assertThat(order.cancelledAt()).contains(PLACED_AT.plusSeconds(60));
        }

        @Test
        void cancelling_twice_is_already_done() {
            Order order = unpaid();
            order.cancelByCustomer(PLACED_AT);

            assertThat(order.cancelByCustomer(PLACED_AT)).isInstanceOf(AlreadyDone.class);
            assertThat(order.recordedEvents()).hasSize(2);
        }

        @Test
        void a_paid_order_cannot_be_cancelled() {
            Order order = unpaid();
            order.confirmPayment(fullPayment("pi_1"), PLACED_AT);

            assertThat(order.cancelByCustomer(PLACED_AT))
                    .isInstanceOfSatisfying(
                            Refused.class, r -> assertThat(r.refusal()).isEqualTo(Refusal.ORDER_PAID));
            assertThat(order.status()).isEqualTo(OrderStatus.PAID);
        }

        @Test
        void a_customer_cancel_after_the_deadline_closes_the_order_as_timed_out() {
            Order order = unpaid();

            assertThat(order.cancelByCustomer(DEADLINE.plusSeconds(1))).isInstanceOf(Changed.class);
            assertThat(order.cancellationReason()).contains(CancellationReason.PAYMENT_TIMEOUT);
        }
    }

    @Nested
    class Expiring {

        @Test
        void an_unpaid_order_expires_once_its_deadline_is_reached() {
            Order order = unpaid();

            assertThat(order.expire(DEADLINE.minusMillis(1)))
                    .isInstanceOfSatisfying(
                            Refused.class, r -> assertThat(r.refusal()).isEqualTo(Refusal.DEADLINE_NOT_REACHED));
            assertThat(order.expire(DEADLINE)).isInstanceOf(Changed.class);
            assertThat(order.status()).isEqualTo(OrderStatus.CANCELLED);
            assertThat(order.cancelledAt()).contains(DEADLINE);
        }

        @Test
        void expiring_a_cancelled_order_is_already_done_and_raises_nothing() {
            Order order = unpaid();
            order.expire(DEADLINE);

            assertThat(order.expire(DEADLINE.plus(Duration.ofHours(1)))).isInstanceOf(AlreadyDone.class);
            assertThat(order.recordedEvents()).hasSize(2);
        }

        @Test
        void a_paid_order_never_expires() {
            Order order = unpaid();
            order.confirmPayment(fullPayment("pi_1"), PLACED_AT);

            assertThat(order.expire(DEADLINE.plus(Duration.ofDays(1))))
                    .isInstanceOfSatisfying(
                            Refused.class, r -> assertThat(r.refusal()).isEqualTo(Refusal.ORDER_PAID));
            assertThat(order.status()).isEqualTo(OrderStatus.PAID);
        }

        @Test
        void a_restored_order_records_nothing_until_it_changes() {
            Order placed = unpaid();
            Order restored = Order.restore(
                    placed.id(),
                    placed.number(),
                    placed.customerId(),
                    placed.items(),
                    placed.total(),
                    placed.createdAt(),
                    placed.paymentDeadline(),
                    OrderStatus.UNPAID,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    3);

            assertThat(restored.hasChanged()).isFalse();
            assertThat(restored.isOverdue(DEADLINE)).isTrue();
            restored.expire(DEADLINE);
            assertThat(restored.recordedEvents()).singleElement().isInstanceOf(OrderCancelled.class);
            assertThat(restored.version()).isEqualTo(3);
        }
    }

    @Nested
    class HoldingForAPaymentInProgress {

        private static final Duration HOLD = Duration.ofMinutes(10);
        private static final PaymentReference CARD = new PaymentReference("pi_3ds");

        @Test
        void a_payment_started_before_the_deadline_holds_the_order_until_the_hold_ends() {
            Order order = unpaid();

            assertThat(order.startPayment(CARD, order.total(), DEADLINE.minusSeconds(5), HOLD))
                    .isInstanceOf(Transition.Noted.class);

            assertThat(order.paymentInProgress())
                    .hasValueSatisfying(held -> assertThat(held.heldUntil()).isEqualTo(DEADLINE.plus(HOLD)));
            assertThat(order.closesAt()).isEqualTo(DEADLINE.plus(HOLD));
            assertThat(order.hasChanged()).isTrue();
            assertThat(order.recordedEvents()).hasSize(1);
            assertThat(order.expire(DEADLINE.plusSeconds(1)))
                    .isInstanceOfSatisfying(
                            Refused.class, r -> assertThat(r.refusal()).isEqualTo(Refusal.DEADLINE_NOT_REACHED));
            assertThat(order.isOverdue(DEADLINE.plusSeconds(1))).isFalse();
            assertThat(order.expire(DEADLINE.plus(HOLD))).isInstanceOf(Changed.class);
            assertThat(order.cancellationReason()).contains(CancellationReason.PAYMENT_TIMEOUT);
            assertThat(order.paymentInProgress()).isEmpty();
        }

        @Test
        void the_success_of_the_held_payment_after_the_deadline_pays_the_order() {
            Order order = unpaid();
            order.startPayment(CARD, order.total(), DEADLINE.minusSeconds(5), HOLD);

            Transition transition = order.confirmPayment(new Payment(CARD, order.total()), DEADLINE.plusSeconds(40));

            assertThat(transition).isInstanceOf(Changed.class);
            assertThat(order.status()).isEqualTo(OrderStatus.PAID);
            assertThat(order.paymentInProgress()).isEmpty();
            assertThat(order.recordedEvents()).noneMatch(RefundRequested.class::isInstance);
        }

        @Test
        void a_failure_of_the_held_payment_after_the_deadline_cancels_the_order_at_once() {
            Order order = unpaid();
            order.startPayment(CARD, order.total(), DEADLINE.minusSeconds(5), HOLD);

            Transition transition = order.failPayment(CARD, DEADLINE.plusSeconds(40));

            assertThat(transition).isInstanceOf(Changed.class);
            assertThat(order.cancellationReason()).contains(CancellationReason.PAYMENT_TIMEOUT);
        }

        @Test
        void a_failure_before_the_deadline_ends_the_hold_and_the_order_waits_for_another_payment() {
            Order order = unpaid();
            order.startPayment(CARD, order.total(), DEADLINE.minusSeconds(50), HOLD);

            assertThat(order.failPayment(CARD, DEADLINE.minusSeconds(40))).isInstanceOf(Transition.Noted.class);

            assertThat(order.status()).isEqualTo(OrderStatus.UNPAID);
            assertThat(order.closesAt()).isEqualTo(DEADLINE);
        }

        @Test
        void a_payment_started_after_the_deadline_finds_the_order_closed() {
            Order order = unpaid();

            assertThat(order.startPayment(CARD, order.total(), DEADLINE.plusSeconds(1), HOLD))
                    .isInstanceOfSatisfying(
                            Refused.class, r -> assertThat(r.refusal()).isEqualTo(Refusal.ORDER_CANCELLED));
            assertThat(order.status()).isEqualTo(OrderStatus.CANCELLED);
            assertThat(order.recordedEvents()).noneMatch(RefundRequested.class::isInstance);
        }

        @Test
        void while_held_past_the_deadline_no_other_payment_can_start() {
            Order order = unpaid();
            order.startPayment(CARD, order.total(), DEADLINE.minusSeconds(5), HOLD);

            assertThat(order.startPayment(
                            new PaymentReference("pi_wallet"), order.total(), DEADLINE.plusSeconds(5), HOLD))
                    .isInstanceOfSatisfying(
                            Refused.class, r -> assertThat(r.refusal()).isEqualTo(Refusal.DEADLINE_PASSED));
            assertThat(order.paymentInProgress())
                    .hasValueSatisfying(held -> assertThat(held.reference()).isEqualTo(CARD));
        }

        @Test
        void a_read_during_the_hold_does_not_close_the_order_and_the_customer_may_still_cancel() {
            Order order = unpaid();
            order.startPayment(CARD, order.total(), DEADLINE.minusSeconds(5), HOLD);

            assertThat(order.isOverdue(DEADLINE.plusSeconds(30))).isFalse();
            assertThat(order.cancelByCustomer(DEADLINE.plusSeconds(30))).isInstanceOf(Changed.class);
            assertThat(order.cancellationReason()).contains(CancellationReason.CUSTOMER_REQUEST);
        }
    }

    @Nested
    class Reminding {

        @Test
        void an_unpaid_order_reminds_its_customer_once_before_its_deadline() {
            Order order = unpaid();

            assertThat(order.remind(DEADLINE.minusSeconds(300))).isInstanceOf(Transition.Noted.class);
            assertThat(order.remind(DEADLINE.minusSeconds(200))).isInstanceOf(Transition.AlreadyDone.class);

            assertThat(order.remindedAt()).contains(DEADLINE.minusSeconds(300));
            assertThat(order.hasChanged()).isTrue();
            assertThat(order.status()).isEqualTo(OrderStatus.UNPAID);
            assertThat(order.recordedEvents())
                    .filteredOn(PaymentReminder.class::isInstance)
                    .singleElement()
                    .isInstanceOfSatisfying(PaymentReminder.class, reminder -> {
                        assertThat(reminder.paymentDeadline()).isEqualTo(DEADLINE);
                        assertThat(reminder.total()).isEqualTo(order.total());
                    });
        }

        @Test
        void a_paid_cancelled_or_overdue_order_reminds_nobody() {
            Order paid = unpaid();
            paid.confirmPayment(fullPayment("pi_1"), PLACED_AT);
            Order cancelled = unpaid();
            cancelled.cancelByCustomer(PLACED_AT);
            Order overdue = unpaid();

            assertThat(paid.remind(DEADLINE.minusSeconds(300))).isInstanceOf(Transition.AlreadyDone.class);
            assertThat(cancelled.remind(DEADLINE.minusSeconds(300))).isInstanceOf(Transition.AlreadyDone.class);
            assertThat(overdue.remind(DEADLINE)).isInstanceOf(Transition.AlreadyDone.class);
            for (Order order : List.of(paid, cancelled, overdue)) {
                assertThat(order.recordedEvents()).noneMatch(PaymentReminder.class::isInstance);
            }
        }
    }

    @Nested
    class SettlingWithAGrace {

        private static final Duration GRACE = Duration.ofSeconds(30);

        private Order unpaidWithGrace() {
            return Order.place(OrderId.newId(), unpaid().number(), ALICE, unpaid().items(), PLACED_AT, WINDOW, GRACE);
        }

        @Test
        void the_timeout_waits_the_grace_past_the_deadline() {
            Order order = unpaidWithGrace();

            assertThat(order.closesAt()).isEqualTo(DEADLINE.plus(GRACE));
            assertThat(order.isOverdue(DEADLINE.plusSeconds(10))).isFalse();
            assertThat(order.expire(DEADLINE.plusSeconds(10)))
                    .isInstanceOfSatisfying(
                            Refused.class, r -> assertThat(r.refusal()).isEqualTo(Refusal.DEADLINE_NOT_REACHED));
            assertThat(order.expire(DEADLINE.plus(GRACE))).isInstanceOf(Changed.class);
        }

        @Test
        void a_payment_captured_in_time_and_reported_during_the_grace_pays_the_order() {
            Order order = unpaidWithGrace();

            order.confirmPayment(
                    new Payment(new PaymentReference("pi_in_flight"), order.total(), DEADLINE.minusSeconds(1)),
                    DEADLINE.plusSeconds(20));

            assertThat(order.status()).isEqualTo(OrderStatus.PAID);
        }

        @Test
        void a_payment_without_a_capture_time_reported_during_the_grace_is_late() {
            Order order = unpaidWithGrace();

            order.confirmPayment(fullPayment("pi_unknown_time"), DEADLINE.plusSeconds(20));

            assertThat(order.status()).isEqualTo(OrderStatus.CANCELLED);
            assertThat(order.recordedEvents().getLast()).isInstanceOf(RefundRequested.class);
        }
    }
}
