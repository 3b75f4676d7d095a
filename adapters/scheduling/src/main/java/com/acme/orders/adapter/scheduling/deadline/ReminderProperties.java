package com.acme.orders.adapter.scheduling.deadline;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Reminders of a near deadline ({@code orders.reminders.*}).
 *
 * @param before       5m: how long ahead of its deadline the customer of an unpaid order is reminded, once; an order
 *                     whose payment window is not longer than this gets no reminder; zero reminds nobody
 * @param pollInterval 1s: the mean pause of the reminder worker between polls when nothing was due; a reminder is
 *                     minutes ahead of a deadline, so a second late is no loss, and an idle poll is one Lua call per
 *                     shard
 */
@ConfigurationProperties("orders.reminders")
public record ReminderProperties(
        @DefaultValue("5m") Duration before,
        @DefaultValue("1s") Duration pollInterval) {

    public ReminderProperties {
        if (before.isNegative() || !pollInterval.isPositive()) {
            throw new IllegalArgumentException(
                    "orders.reminders.before is not negative and orders.reminders.poll-interval is positive");
        }
    }
}
