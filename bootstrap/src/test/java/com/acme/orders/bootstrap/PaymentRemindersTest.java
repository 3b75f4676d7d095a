package com.acme.orders.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.acme.orders.adapter.redis.TestRedis;
import com.acme.orders.application.deadline.RebuildDeadlineIndex;
import com.acme.orders.application.deadline.RemindOfDeadlines;
import com.acme.orders.application.deadline.port.PendingDeadline;
import com.acme.orders.application.fakes.RecordedEvents;
import com.acme.orders.application.ordering.CancelOrder;
import com.acme.orders.application.payment.ConfirmPayment;
import com.acme.orders.domain.CustomerId;
import com.acme.orders.domain.Money;
import com.acme.orders.domain.OrderId;
import com.acme.orders.domain.Payment;
import com.acme.orders.domain.PaymentReference;
import com.acme.orders.domain.PaymentReminder;
import com.networknt.schema.InputFormat;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Reminders of a near deadline, for real, with Redis flushed in the middle of them: every order still unpaid gets
 * exactly one reminder, before its deadline; orders paid or cancelled before their reminder get none.
 */
class PaymentRemindersTest {

    private static final int ORDERS = 900;
    private static final Duration BEFORE = Duration.ofSeconds(3);

    @Test
    void every_unpaid_order_is_reminded_once_before_its_deadline_and_no_settled_one_even_after_a_flush()
            throws Exception {
        var events = new RecordedEvents();
        try (var service = ServiceInstance.start(
                events,
                Map.of(
                        "orders.reminders.before",
                        BEFORE.toMillis() + "ms",
                        "orders.reminders.poll-interval",
                        "50ms"))) {
            var data = new TimeoutTestData(service.bean(DataSource.class));
            data.reset();
            var start = Instant.now().plusSeconds(6);
            var seeded = data.unpaidOrders(ORDERS, i -> start.plusMillis(i * 3_000L / ORDERS));
            // As PlaceOrder would have.
            service.bean(RebuildDeadlineIndex.class).rebuild();
            service.bean(RemindOfDeadlines.class).rebuild();
            Set<OrderId> settledEarly = new HashSet<>();
            for (int i = 0; i < seeded.size(); i++) {
                var order = seeded.get(i).order();
                if (i % 3 == 0) {
                    service.bean(ConfirmPayment.class)
                            .confirm(order, new Payment(new PaymentReference("pi_" + order), Money.of("25.00", "EUR")));
                    settledEarly.add(order);
                } else if (i % 3 == 1) {
                    service.bean(CancelOrder.class).cancel(order, new CustomerId("timeout-test"));
                    settledEarly.add(order);
                }
            }

            // In the middle of the reminders: Redis loses everything, and the worker notices at its next poll.
            TimeoutTestData.sleepUntil(start.minus(BEFORE).plusMillis(1_500));
            TestRedis.flushAll();
            assertThat(data.awaitNoUnpaidDueBy(seeded.getLast().deadline(), Duration.ofSeconds(30)))
                    .isTrue();

            var reminders = events.all().stream()
                    .filter(PaymentReminder.class::isInstance)
                    .map(PaymentReminder.class::cast)
                    .toList();
            var remindedOrders =
                    reminders.stream().map(PaymentReminder::orderId).collect(Collectors.toSet());
            var expected = seeded.stream()
                    .map(PendingDeadline::order)
                    .filter(it -> !settledEarly.contains(it))
                    .collect(Collectors.toSet());
            assertThat(reminders).as("one reminder per order").hasSize(remindedOrders.size());
            assertThat(remindedOrders).isEqualTo(expected);
            assertThat(reminders).allSatisfy(it -> assertThat(it.occurredAt()).isBefore(it.paymentDeadline()));
            var jdbc = new JdbcTemplate(service.bean(DataSource.class));
            assertThat(jdbc.queryForObject("SELECT count(*) FROM orders WHERE reminded_at IS NOT NULL", Long.class))
                    .isEqualTo(expected.size());
            // What the relay would publish, as the contract promises it.
            var schema = EventContractTest.schemaOf("com.acme.orders.order.payment-reminder.v1");
            var published = jdbc
                    .queryForList("SELECT order_id, data FROM outbox"
                            + " WHERE event_type = 'com.acme.orders.order.payment-reminder.v1'")
                    .stream()
                    .filter(row -> expected.contains(new OrderId((java.util.UUID) row.get("order_id"))))
                    .map(row -> (String) row.get("data"))
                    .toList();
            assertThat(published).hasSize(expected.size());
            assertThat(published)
                    .allSatisfy(json -> assertThat(schema.validate(json, InputFormat.JSON))
                            .as(json)
                            .isEmpty());
            List<Long> lags = reminders.stream()
                    .map(it -> Duration.between(it.paymentDeadline().minus(BEFORE), it.occurredAt())
                            .toMillis())
                    .sorted()
                    .toList();
            System.out.printf(
                    "Reminders: %d of %d orders, lag after the reminder time p50 %d ms, p99 %d ms, max %d ms "
                            + "(Redis flushed %s before the first deadline)%n",
                    reminders.size(),
                    ORDERS,
                    lags.get(lags.size() / 2),
                    lags.get(lags.size() * 99 / 100),
                    lags.getLast(),
                    BEFORE.minusMillis(1_500));
        }
    }
}
