package com.acme.orders.adapter.postgres.deadline;

import static com.acme.orders.adapter.postgres.TestOrders.ALICE;
import static com.acme.orders.adapter.postgres.TestOrders.NOW;
import static com.acme.orders.adapter.postgres.TestOrders.twoBooks;
import static com.acme.orders.adapter.postgres.jooq.Tables.ORDERS;
import static org.assertj.core.api.Assertions.assertThat;

import com.acme.orders.adapter.postgres.PostgresAdapterTest;
import com.acme.orders.adapter.postgres.PostgresAdapterTestContext;
import com.acme.orders.application.UseCases;
import com.acme.orders.application.fakes.MovableClock;
import com.acme.orders.application.fakes.RecordedDeadlines;
import com.acme.orders.application.fakes.RecordedEvents;
import com.acme.orders.application.ordering.PlaceOrder;
import com.acme.orders.domain.Order;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What the operator's console shows of the timeout worker's hour ahead, counted on a real PostgreSQL. */
class DeadlineForecastTest extends PostgresAdapterTest {

    private final MovableClock clock = new MovableClock(NOW);
    private UseCases useCases;
    private PostgresDeadlineForecast forecast;

    @BeforeEach
    void noOrders() {
        PostgresAdapterTestContext.deleteAllOrders(db);
        useCases = useCases(new RecordedEvents(), new RecordedDeadlines(), clock);
        forecast = new PostgresDeadlineForecast(db);
    }

    @Test
    void unpaid_orders_are_counted_by_the_minute_of_their_deadline_and_overdue_ones_apart() {
        placeDueIn(Duration.ofSeconds(-90));
        placeDueIn(Duration.ofSeconds(-1));
        var held = placeDueIn(Duration.ofSeconds(-30));
        placeDueIn(Duration.ofSeconds(10));
        placeDueIn(Duration.ofSeconds(59));
        placeDueIn(Duration.ofMinutes(7).plusSeconds(30));
        placeDueIn(Duration.ofMinutes(59).plusSeconds(59));
        placeDueIn(Duration.ofMinutes(60)); // beyond the hour
        var cancelled = placeDueIn(Duration.ofMinutes(3));
        useCases.cancelOrder().cancel(cancelled.id(), ALICE);
        var inProgress = placeDueIn(Duration.ofMinutes(3));
        holdForAPaymentInProgress(held);
        holdForAPaymentInProgress(inProgress);

        var counted = forecast.forecast(clock.instant(), Duration.ofMinutes(1), 60);

        assertThat(counted.overdue()).isEqualTo(3);
        assertThat(counted.overdueInProgress()).isEqualTo(1);
        assertThat(counted.inProgress()).isEqualTo(2);
        assertThat(counted.due()).hasSize(60);
        assertThat(counted.due().get(0)).isEqualTo(2);
        assertThat(counted.due().get(3))
                .as("the cancelled order is not counted")
                .isEqualTo(1);
        assertThat(counted.due().get(7)).isEqualTo(1);
        assertThat(counted.due().get(59)).isEqualTo(1);
        assertThat(counted.due().stream().mapToLong(Long::longValue).sum()).isEqualTo(5);
    }

    private Order placeDueIn(Duration fromNow) {
        Duration window = Duration.ofMinutes(30);
        Instant placedAt = NOW.plus(fromNow).minus(window);
        clock.set(placedAt);
        var order = useCases.placeOrder().place(new PlaceOrder.Command(ALICE, twoBooks(), Optional.of(window)));
        clock.set(NOW);
        return order;
    }

    private void holdForAPaymentInProgress(Order order) {
        db.update(ORDERS)
                .set(ORDERS.PAYMENT_IN_PROGRESS, "pi_" + order.number().value())
                .set(ORDERS.PAYMENT_IN_PROGRESS_SINCE, NOW)
                .set(ORDERS.HELD_UNTIL, NOW.plus(Duration.ofMinutes(10)))
                .where(ORDERS.ID.eq(order.id().value()))
                .execute();
    }
}
