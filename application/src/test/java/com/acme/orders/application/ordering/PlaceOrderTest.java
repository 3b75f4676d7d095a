package com.acme.orders.application.ordering;

import static com.acme.orders.application.fakes.UseCaseTestData.ALICE;
import static com.acme.orders.application.fakes.UseCaseTestData.twoBooksFor;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.acme.orders.application.fakes.OrderServiceFixture;
import com.acme.orders.application.fakes.UseCaseTestData;
import com.acme.orders.domain.DomainRuleViolation;
import com.acme.orders.domain.OrderPlaced;
import com.acme.orders.domain.OrderStatus;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PlaceOrderTest {

    private final OrderServiceFixture service = new OrderServiceFixture();

    @Test
    void a_placed_order_is_stored_unpaid_announced_and_tracked_by_its_deadline() {
        var order = service.placeOrder.place(twoBooksFor(ALICE));

        var stored = service.orders.stored(order.id());
        assertThat(stored.status()).isEqualTo(OrderStatus.UNPAID);
        assertThat(stored.paymentDeadline()).isEqualTo(service.clock.instant().plus(Duration.ofMinutes(30)));
        assertThat(stored.number().value()).startsWith("20261123-");
        assertThat(service.events.of(order.id())).singleElement().isInstanceOf(OrderPlaced.class);
        assertThat(service.deadlines.tracked()).containsEntry(order.id(), stored.paymentDeadline());
        assertThat(service.transactions.opened()).isEqualTo(1);
    }

    @Test
    void an_order_may_ask_for_its_own_payment_window_within_the_bounds() {
        var command = new PlaceOrder.Command(ALICE, twoBooksFor(ALICE).items(), Optional.of(Duration.ofMinutes(5)));

        var order = service.placeOrder.place(command);

        assertThat(order.paymentDeadline()).isEqualTo(service.clock.instant().plus(Duration.ofMinutes(5)));
    }

    @Test
    void a_window_outside_the_bounds_is_refused_before_anything_is_stored() {
        var command = new PlaceOrder.Command(ALICE, twoBooksFor(ALICE).items(), Optional.of(Duration.ofDays(3)));

        assertThatThrownBy(() -> service.placeOrder.place(command)).isInstanceOf(DomainRuleViolation.class);
        assertThat(service.orders.size()).isZero();
        assertThat(service.events.all()).isEmpty();
        assertThat(service.deadlines.tracked()).isEmpty();
    }

    @Test
    void two_orders_get_two_different_numbers() {
        var first = service.placeOrder.place(twoBooksFor(ALICE));
        var second = service.placeOrder.place(twoBooksFor(ALICE));

        assertThat(first.number()).isNotEqualTo(second.number());
    }

    @Test
    void the_same_idempotency_key_with_the_same_request_gives_the_same_order_and_creates_nothing() {
        var first = service.placeOrder.place(twoBooksFor(ALICE), Optional.of("key-1"));

        var again = service.placeOrder.place(twoBooksFor(ALICE), Optional.of("key-1"));

        assertThat(first.replayed()).isFalse();
        assertThat(again.replayed()).isTrue();
        assertThat(again.order().id()).isEqualTo(first.order().id());
        assertThat(service.orders.size()).isEqualTo(1);
        assertThat(service.events.all()).hasSize(1);
    }

    @Test
    void a_repeat_after_the_order_changed_is_answered_with_the_order_as_first_placed() {
        var first = service.placeOrder.place(twoBooksFor(ALICE), Optional.of("key-1"));
        service.clock.advance(Duration.ofMinutes(1));
        service.cancelOrder.cancel(first.order().id(), ALICE);

        var again = service.placeOrder.place(twoBooksFor(ALICE), Optional.of("key-1"));

        assertThat(service.orders.stored(first.order().id()).status()).isEqualTo(OrderStatus.CANCELLED);
        assertThat(again.order().status()).isEqualTo(OrderStatus.UNPAID);
        assertThat(again.order().cancelledAt()).isEmpty();
        assertThat(again.order().createdAt()).isEqualTo(first.order().createdAt());
        assertThat(again.order().paymentDeadline()).isEqualTo(first.order().paymentDeadline());
        assertThat(again.order().number()).isEqualTo(first.order().number());
    }

    @Test
    void keys_older_than_their_retention_are_forgotten_and_a_repeat_then_places_a_new_order() {
        var old = service.placeOrder.place(twoBooksFor(ALICE), Optional.of("key-old"));
        service.clock.advance(Duration.ofHours(23));
        service.placeOrder.place(twoBooksFor(ALICE), Optional.of("key-recent"));
        service.clock.advance(Duration.ofHours(2));

        int forgotten = service.forgetIdempotencyKeys.forgetOlderThan(Duration.ofHours(24));

        assertThat(forgotten).isEqualTo(1);
        assertThat(service.idempotencyKeys.size()).isEqualTo(1);
        var later = service.placeOrder.place(twoBooksFor(ALICE), Optional.of("key-old"));
        assertThat(later.replayed()).isFalse();
        assertThat(later.order().id()).isNotEqualTo(old.order().id());
        assertThat(service.placeOrder
                        .place(twoBooksFor(ALICE), Optional.of("key-recent"))
                        .replayed())
                .isTrue();
    }

    @Test
    void the_same_idempotency_key_with_another_request_is_refused_and_creates_nothing() {
        service.placeOrder.place(twoBooksFor(ALICE), Optional.of("key-1"));
        var otherWindow = new PlaceOrder.Command(ALICE, twoBooksFor(ALICE).items(), Optional.of(Duration.ofMinutes(5)));

        assertThatThrownBy(() -> service.placeOrder.place(otherWindow, Optional.of("key-1")))
                .isInstanceOf(IdempotencyKeyReused.class);
        assertThat(service.orders.size()).isEqualTo(1);
    }

    @Test
    void an_idempotency_key_belongs_to_one_customer() {
        var alices = service.placeOrder.place(twoBooksFor(ALICE), Optional.of("key-1"));

        var bobs = service.placeOrder.place(twoBooksFor(UseCaseTestData.BOB), Optional.of("key-1"));

        assertThat(bobs.replayed()).isFalse();
        assertThat(bobs.order().id()).isNotEqualTo(alices.order().id());
    }
}
