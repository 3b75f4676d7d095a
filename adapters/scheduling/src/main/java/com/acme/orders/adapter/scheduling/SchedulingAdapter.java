package com.acme.orders.adapter.scheduling;

import com.acme.orders.adapter.scheduling.deadline.DeadlineMetrics;
import com.acme.orders.adapter.scheduling.deadline.DeadlineProperties;
import com.acme.orders.adapter.scheduling.deadline.DeadlineSweeper;
import com.acme.orders.adapter.scheduling.deadline.ExpiryWorker;
import com.acme.orders.adapter.scheduling.deadline.ReminderProperties;
import com.acme.orders.adapter.scheduling.deadline.ReminderWorker;
import com.acme.orders.adapter.scheduling.ordering.IdempotencyKeyPurge;
import com.acme.orders.adapter.scheduling.ordering.IdempotencyProperties;
import com.acme.orders.adapter.scheduling.outbox.OutboxRelayProperties;
import com.acme.orders.adapter.scheduling.outbox.OutboxRelayWorker;
import com.acme.orders.application.deadline.ExpireDueOrders;
import com.acme.orders.application.deadline.RebuildDeadlineIndex;
import com.acme.orders.application.deadline.RemindOfDeadlines;
import com.acme.orders.application.deadline.SweepOverdueOrders;
import com.acme.orders.application.ordering.ForgetIdempotencyKeys;
import com.acme.orders.application.outbox.RelayOutbox;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Everything this adapter contributes: the loops that drive the deadline and outbox use cases on a timer, each on
 * its own thread, started and stopped with the application. The complete list; nothing is found by scanning.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({
    DeadlineProperties.class,
    ReminderProperties.class,
    OutboxRelayProperties.class,
    IdempotencyProperties.class
})
public class SchedulingAdapter {

    // deadline

    @Bean
    DeadlineMetrics deadlineMetrics(MeterRegistry meters, Clock clock) {
        return new DeadlineMetrics(meters, clock);
    }

    @Bean
    @ConditionalOnBooleanProperty(name = "orders.timeouts.worker-enabled", matchIfMissing = true)
    ExpiryWorker expiryWorker(
            ExpireDueOrders expireDueOrders,
            DeadlineMetrics metrics,
            DeadlineProperties deadlines,
            RebuildDeadlineIndex rebuild,
            DeadlineSweeper sweeper) {
        return new ExpiryWorker(
                expireDueOrders,
                metrics,
                deadlines.pollInterval(),
                deadlines.concurrency(),
                rebuild::isLost,
                sweeper::wakeUp);
    }

    @Bean
    @ConditionalOnBooleanProperty(name = "orders.timeouts.worker-enabled", matchIfMissing = true)
    DeadlineSweeper deadlineSweeper(
            RebuildDeadlineIndex rebuild,
            SweepOverdueOrders sweep,
            DeadlineMetrics metrics,
            DeadlineProperties deadlines) {
        return new DeadlineSweeper(rebuild, sweep, metrics, deadlines.sweeperInterval());
    }

    @Bean
    @ConditionalOnBooleanProperty(name = "orders.timeouts.worker-enabled", matchIfMissing = true)
    ReminderWorker reminderWorker(
            RemindOfDeadlines reminders,
            DeadlineProperties deadlines,
            ReminderProperties reminderSettings,
            MeterRegistry meters,
            RebuildDeadlineIndex rebuild,
            DeadlineSweeper sweeper) {
        return new ReminderWorker(
                reminders,
                deadlines.batchSize(),
                reminderSettings.pollInterval(),
                () -> !sweeper.hasRebuiltSinceStart() || rebuild.isLost(),
                Counter.builder("orders.reminders.sent")
                        .description("Customers reminded of the deadline of their unpaid order")
                        .register(meters));
    }

    // ordering

    @Bean
    IdempotencyKeyPurge idempotencyKeyPurge(ForgetIdempotencyKeys forget, IdempotencyProperties idempotency) {
        return new IdempotencyKeyPurge(forget, idempotency.retention(), idempotency.purgeInterval());
    }

    // outbox

    @Bean
    @ConditionalOnBooleanProperty(name = "orders.outbox.relay.enabled", matchIfMissing = true)
    OutboxRelayWorker outboxRelayWorker(RelayOutbox relay) {
        return new OutboxRelayWorker(relay);
    }
}
