package com.acme.orders.adapter.postgres.deadline;

import static com.acme.orders.adapter.postgres.TestOrders.ALICE;
import static com.acme.orders.adapter.postgres.TestOrders.NOW;
import static com.acme.orders.adapter.postgres.TestOrders.PAYMENT_WINDOW;
import static com.acme.orders.adapter.postgres.TestOrders.twoBooks;
import static com.acme.orders.adapter.postgres.jooq.Tables.ORDERS;
import static org.assertj.core.api.Assertions.assertThat;

import com.acme.orders.adapter.postgres.PostgresAdapterTest;
import com.acme.orders.adapter.postgres.PostgresAdapterTestContext;
import com.acme.orders.application.UseCases;
import com.acme.orders.application.change.OrderChanges.SetAside;
import com.acme.orders.application.fakes.MovableClock;
import com.acme.orders.application.fakes.RecordedDeadlines;
import com.acme.orders.application.fakes.RecordedEvents;
import com.acme.orders.application.ordering.PlaceOrder;
import com.acme.orders.domain.OrderId;
import com.acme.orders.domain.OrderStatus;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * One order whose cancellation PostgreSQL refuses (a trigger raises for its row) among thousands due at once: the
 * worker and the sweeper cancel every other order, report the bad one with its id, and cancel it once it can be.
 */
class OneBadOrderTest extends PostgresAdapterTest {

    private static final int ORDERS_DUE = 2_000;

    private final MovableClock clock = new MovableClock(NOW);
    private final RecordedDeadlines deadlines = new RecordedDeadlines();
    private UseCases useCases;
    private List<OrderId> placed;
    private OrderId bad;

    @BeforeEach
    void thousandsOfOrdersDueAtOnceOneOfThemRefusedByATrigger() {
        PostgresAdapterTestContext.deleteAllOrders(db);
        useCases = useCases(new RecordedEvents(), deadlines, clock);
        placed = IntStream.range(0, ORDERS_DUE)
                .mapToObj(i -> useCases.placeOrder()
                        .place(new PlaceOrder.Command(ALICE, twoBooks(), Optional.of(PAYMENT_WINDOW)))
                        .id())
                .toList();
        bad = placed.get(ORDERS_DUE / 3);
        db.execute("""
                CREATE OR REPLACE FUNCTION refuse_the_bad_order() RETURNS trigger AS $$
                BEGIN RAISE EXCEPTION 'this order cannot be changed'; END $$ LANGUAGE plpgsql""");
        db.execute("CREATE TRIGGER refuse_the_bad_order BEFORE UPDATE ON orders FOR EACH ROW WHEN (OLD.id = '"
                + bad.value() + "') EXECUTE FUNCTION refuse_the_bad_order()");
        clock.advance(PAYMENT_WINDOW.plusSeconds(1));
    }

    @AfterEach
    void dropTheTrigger() {
        db.execute("DROP TRIGGER IF EXISTS refuse_the_bad_order ON orders");
    }

    @Test
    void the_worker_cancels_every_other_order_sets_the_bad_one_aside_and_cancels_it_once_it_can_be() {
        var setAside = new ArrayList<SetAside>();
        int cancelled = 0;
        for (var batch = useCases.expireDueOrders().expireNextBatch();
                batch.claimed() > 0;
                batch = useCases.expireDueOrders().expireNextBatch()) {
            cancelled += batch.cancelled().size();
            setAside.addAll(batch.setAside());
        }

        assertThat(cancelled).isEqualTo(ORDERS_DUE - 1);
        assertThat(setAside).singleElement().satisfies(it -> {
            assertThat(it.order()).isEqualTo(bad);
            assertThat(it.failure()).hasStackTraceContaining("this order cannot be changed");
        });
        assertThat(statusOf(bad)).isEqualTo(OrderStatus.UNPAID);
        assertThat(placed)
                .filteredOn(it -> !it.equals(bad))
                .allSatisfy(it -> assertThat(statusOf(it)).isEqualTo(OrderStatus.CANCELLED));

        dropTheTrigger();
        clock.advance(Duration.ofSeconds(30));
        var retried = useCases.expireDueOrders().expireNextBatch();

        assertThat(retried.cancelled())
                .singleElement()
                .satisfies(it -> assertThat(it.order()).isEqualTo(bad));
        assertThat(statusOf(bad)).isEqualTo(OrderStatus.CANCELLED);
    }

    @Test
    void the_sweeper_cancels_every_other_overdue_order_and_reports_the_bad_one() {
        clock.advance(Duration.ofMinutes(5));

        var sweep = useCases.sweepOverdueOrders().sweep();

        assertThat(sweep.repaired()).isEqualTo(ORDERS_DUE - 1);
        assertThat(sweep.setAside()).extracting(SetAside::order).containsExactly(bad);
        assertThat(statusOf(bad)).isEqualTo(OrderStatus.UNPAID);
    }

    private OrderStatus statusOf(OrderId order) {
        return OrderStatus.valueOf(db.select(ORDERS.STATUS)
                .from(ORDERS)
                .where(ORDERS.ID.eq(order.value()))
                .fetchSingle(ORDERS.STATUS));
    }
}
