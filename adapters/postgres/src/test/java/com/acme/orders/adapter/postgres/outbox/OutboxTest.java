package com.acme.orders.adapter.postgres.outbox;

import static com.acme.orders.adapter.postgres.TestOrders.ALICE;
import static com.acme.orders.adapter.postgres.TestOrders.NOW;
import static com.acme.orders.adapter.postgres.TestOrders.twoBooks;
import static com.acme.orders.adapter.postgres.jooq.Tables.OUTBOX;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.acme.orders.adapter.postgres.PostgresAdapterTest;
import com.acme.orders.adapter.postgres.PostgresAdapterTestContext;
import com.acme.orders.adapter.postgres.TestOrders;
import com.acme.orders.application.fakes.MovableClock;
import com.acme.orders.application.fakes.RecordedDeadlines;
import com.acme.orders.application.ordering.CancelOrder;
import com.acme.orders.application.ordering.PlaceOrder;
import com.acme.orders.application.outbox.port.PendingEvent;
import com.acme.orders.domain.Order;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** The outbox on a real PostgreSQL: written with the change, read by the relay one head per order. */
class OutboxTest extends PostgresAdapterTest {

    private final MovableClock clock = new MovableClock(NOW);
    private PlaceOrder placeOrder;
    private CancelOrder cancelOrder;

    @BeforeEach
    void wireTheUseCases() {
        PostgresAdapterTestContext.deleteAllOrders(db);
        var deadlines = new RecordedDeadlines();
        var useCases = useCases(publication, deadlines, clock);
        placeOrder = useCases.placeOrder();
        cancelOrder = useCases.cancelOrder();
    }

    @Test
    void a_cancelled_order_leaves_both_its_events_in_the_outbox_with_what_notification_and_inventory_need() {
        Order order = place();
        clock.advance(Duration.ofMinutes(1));
        cancelOrder.cancel(order.id(), ALICE);

        var rows = db.selectFrom(OUTBOX).orderBy(OUTBOX.ID).fetch();
        assertThat(rows)
                .extracting(it -> it.getEventType())
                .containsExactly("com.acme.orders.order.placed.v1", "com.acme.orders.order.cancelled.v1");
        assertThat(rows)
                .allSatisfy(
                        it -> assertThat(it.getOrderId()).isEqualTo(order.id().value()));
        var cancelled = JsonMapper.builder().build().readTree(rows.get(1).getData());
        assertThat(cancelled.get("orderNumber").asString())
                .isEqualTo(order.number().value());
        assertThat(cancelled.get("customerId").asString()).isEqualTo("alice");
        assertThat(cancelled.get("amount").asString()).isEqualTo("25.00");
        assertThat(cancelled.get("currency").asString()).isEqualTo("EUR");
        assertThat(cancelled.get("reason").asString()).isEqualTo("CUSTOMER_REQUEST");
        assertThat(cancelled.get("items").get(0).get("sku").asString()).isEqualTo("BOOK-1");
        assertThat(cancelled.get("items").get(0).get("quantity").asInt()).isEqualTo(2);
    }

    @Test
    void events_of_a_change_that_rolls_back_never_reach_the_outbox() {
        Order order = Order.place(
                com.acme.orders.domain.OrderId.newId(),
                numbers.next(TestOrders.TODAY),
                ALICE,
                twoBooks(),
                NOW,
                Duration.ofMinutes(30));

        assertThatThrownBy(() -> transactions.inTransaction(() -> {
                    orders.add(order);
                    publication.publish(order.recordedEvents());
                    throw new IllegalStateException("the change fails after its events were written");
                }))
                .isInstanceOf(IllegalStateException.class);

        assertThat(db.fetchCount(OUTBOX)).isZero();
    }

    @Test
    void
            the_events_of_many_orders_published_together_are_stored_in_the_order_they_were_raised_each_with_its_own_columns() {
        List<Order> placed = java.util.stream.IntStream.range(0, 3)
                .mapToObj(i -> Order.place(
                        com.acme.orders.domain.OrderId.newId(),
                        numbers.next(TestOrders.TODAY),
                        ALICE,
                        twoBooks(),
                        NOW.plusSeconds(i),
                        Duration.ofMinutes(30)))
                .toList();
        var events = placed.stream().flatMap(it -> it.recordedEvents().stream()).toList();

        transactions.inTransaction(() -> {
            placed.forEach(orders::add);
            publication.publish(events);
            return null;
        });

        var rows = db.selectFrom(OUTBOX).orderBy(OUTBOX.ID).fetch();
        assertThat(rows)
                .extracting(it -> it.getEventId())
                .containsExactlyElementsOf(
                        events.stream().map(it -> it.eventId()).toList());
        assertThat(rows)
                .extracting(it -> it.getOrderId())
                .containsExactlyElementsOf(
                        placed.stream().map(it -> it.id().value()).toList());
        assertThat(rows)
                .extracting(it -> it.getOccurredAt())
                .containsExactly(micros(NOW), micros(NOW.plusSeconds(1)), micros(NOW.plusSeconds(2)));
        assertThat(rows).allSatisfy(it -> {
            assertThat(it.getEventType()).isEqualTo("com.acme.orders.order.placed.v1");
            assertThat(it.getTraceparent()).isNull();
            assertThat(it.getAvailableAt()).isEqualTo(it.getCreatedAt());
        });
        var last = JsonMapper.builder().build().readTree(rows.get(2).getData());
        assertThat(last.get("orderNumber").asString())
                .isEqualTo(placed.get(2).number().value());
        assertThat(last.get("items").get(0).get("sku").asString()).isEqualTo("BOOK-1");
    }

    @Test
    void a_batch_holds_only_the_earliest_waiting_event_of_each_order_and_skips_an_order_behind_a_parked_event() {
        Order first = place();
        Order second = place();
        cancelOrder.cancel(first.id(), ALICE);
        cancelOrder.cancel(second.id(), ALICE);

        List<PendingEvent> batch = transactions.inTransaction(() -> outbox.nextBatch(10, Instant.now()));
        assertThat(batch)
                .extracting(PendingEvent::key)
                .containsExactly(first.id().toString(), second.id().toString());
        assertThat(batch).extracting(PendingEvent::type).containsOnly("com.acme.orders.order.placed.v1");

        transactions.inTransaction(() -> {
            outbox.failed(batch.get(0), "record too large", Instant.now(), true);
            outbox.published(List.of(batch.get(1)));
            return null;
        });

        List<PendingEvent> next = transactions.inTransaction(() -> outbox.nextBatch(10, Instant.now()));
        assertThat(next).singleElement().satisfies(it -> {
            assertThat(it.key()).isEqualTo(second.id().toString());
            assertThat(it.type()).isEqualTo("com.acme.orders.order.cancelled.v1");
        });
        assertThat(db.fetchCount(OUTBOX, OUTBOX.PARKED_AT.isNotNull())).isEqualTo(1);
    }

    @Test
    void an_operator_sees_a_parked_event_with_its_error_and_a_requeue_puts_it_back_ahead_of_its_order() {
        var backlog = new PostgresOutboxBacklog(db, Duration.ZERO);
        Order order = place();
        cancelOrder.cancel(order.id(), ALICE);
        var placed = transactions.inTransaction(() -> outbox.nextBatch(10, Instant.now()));
        transactions.inTransaction(() -> {
            outbox.failed(placed.getFirst(), "record too large", Instant.now(), true);
            return null;
        });

        assertThat(backlog.measure().waiting())
                .as("the cancellation, held back")
                .isEqualTo(1);
        assertThat(backlog.measure().parked()).isEqualTo(1);
        assertThat(backlog.parked(10)).singleElement().satisfies(it -> {
            assertThat(it.position()).isEqualTo(placed.getFirst().position());
            assertThat(it.eventId()).isEqualTo(placed.getFirst().eventId());
            assertThat(it.orderId()).isEqualTo(order.id().toString());
            assertThat(it.type()).isEqualTo("com.acme.orders.order.placed.v1");
            assertThat(it.lastError()).isEqualTo("record too large");
        });
        assertThat(transactions.inTransaction(() -> outbox.nextBatch(10, Instant.now())))
                .isEmpty();

        assertThat(backlog.requeue(placed.getFirst().position())).isTrue();
        assertThat(backlog.requeue(placed.getFirst().position()))
                .as("no longer parked")
                .isFalse();
        assertThat(backlog.parked(10)).isEmpty();
        assertThat(transactions.inTransaction(() -> outbox.nextBatch(10, Instant.now())))
                .singleElement()
                .satisfies(it -> {
                    assertThat(it.eventId()).isEqualTo(placed.getFirst().eventId());
                    assertThat(it.attempts()).isZero();
                });
        assertThat(backlog.measure().waiting()).isEqualTo(2);
        assertThat(backlog.measure().oldestWaiting()).isPresent();
    }

    @Test
    void a_round_reads_about_one_batch_of_rows_even_when_the_statistics_still_say_the_outbox_is_empty() {
        // As between two autovacuum runs under a burst: analysed while empty, holding thousands of events now.
        db.execute("ANALYZE outbox");
        db.execute("""
                INSERT INTO outbox (event_id, order_id, event_type, occurred_at, data, created_at, available_at)
                SELECT gen_random_uuid(), gen_random_uuid(), 'com.acme.orders.order.cancelled.v1', now(), '{}',
                       now(), now()
                FROM generate_series(1, 5000)""");

        long rowsRead = transactions.inTransaction(() -> {
            // As once the driver has prepared the statement and PostgreSQL switched to a plan for any bind values.
            db.execute("SET LOCAL plan_cache_mode = force_generic_plan");
            assertThat(outbox.nextBatch(100, Instant.now())).hasSize(100);
            // This transaction's own reads of the table, by any scan.
            return db.fetchSingle("""
                    SELECT coalesce(idx_tup_fetch, 0) + coalesce(seq_tup_read, 0)
                    FROM pg_stat_xact_user_tables WHERE relname = 'outbox'""").into(Long.class);
        });

        // A plan that looks at every earlier row for each candidate reads millions here.
        assertThat(rowsRead).isLessThan(1_000);
    }

    @Test
    void only_one_relay_holds_the_claim_at_a_time() throws Exception {
        var claimedInside = new boolean[2];
        transactions.inTransaction(() -> {
            claimedInside[0] = outbox.claimRelay();
            // A second relay, on another connection of the pool, while the first one holds the claim.
            var other =
                    Thread.ofPlatform().start(() -> claimedInside[1] = transactions.inTransaction(outbox::claimRelay));
            try {
                other.join();
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
            return null;
        });
        assertThat(claimedInside).containsExactly(true, false);
        assertThat(transactions.inTransaction(outbox::claimRelay))
                .as("released with the transaction")
                .isTrue();
    }

    private Order place() {
        return placeOrder.place(new PlaceOrder.Command(ALICE, twoBooks(), Optional.empty()));
    }

    /** As PostgreSQL keeps it. */
    private static Instant micros(Instant instant) {
        return instant.truncatedTo(java.time.temporal.ChronoUnit.MICROS);
    }
}
