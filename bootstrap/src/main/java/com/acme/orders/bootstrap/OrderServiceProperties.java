package com.acme.orders.bootstrap;

import com.acme.orders.domain.PaymentWindow;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The business settings of the service ({@code orders.*}).
 *
 * @param paymentWindow how long a customer has to pay: {@code standard} unless an order asks for its own window
 *                      between {@code shortest} and {@code longest}
 * @param payments      how payments in progress are waited for
 * @param clock         the service's own clock
 */
@ConfigurationProperties("orders")
public record OrderServiceProperties(
        @DefaultValue PaymentWindowProperties paymentWindow,
        @DefaultValue PaymentProperties payments,
        @DefaultValue ClockProperties clock) {

    /**
     * @param offset        0s: added to this instance's reading of the system clock. Only for fault-injection runs
     *                      (benchmarks' reliability run gives one instance a clock seconds fast, as a host whose NTP
     *                      broke would have); never set it in production.
     * @param checkDatabase true: a deadline has passed only once it passed by the database's clock too (ADR 0014),
     *                      so that an instance whose clock runs fast never closes an order early. Only a test that
     *                      simulates time by moving the service's clock turns it off.
     */
    public record ClockProperties(
            @DefaultValue("0s") Duration offset,
            @DefaultValue("true") boolean checkDatabase) {}

    /**
     * @param standard 30m: the payment window of an order that asks for none
     * @param shortest 1m: the shortest window an order may ask for
     * @param longest  24h: the longest window an order may ask for
     */
    public record PaymentWindowProperties(
            @DefaultValue("30m") Duration standard,
            @DefaultValue("1m") Duration shortest,
            @DefaultValue("24h") Duration longest) {

        PaymentWindow toPaymentWindow() {
            return new PaymentWindow(standard, shortest, longest);
        }
    }

    /**
     * @param inProgressHold 10m: how long past its deadline an order waits for the outcome of a payment its provider
     *                       reported in progress (3-D Secure, a bank redirect, a wallet take seconds to minutes); then
     *                       it is cancelled as timed out. Zero waits for nothing.
     * @param settlementGrace 0s: how long past its deadline the timeout waits for payments the provider captured
     *                       before the deadline and reports after it (notifications in flight); a payment without a
     *                       capture time that arrives after the deadline is late all the same. The timeout's figures
     *                       are then measured from deadline plus grace.
     */
    public record PaymentProperties(
            @DefaultValue("10m") Duration inProgressHold,
            @DefaultValue("0s") Duration settlementGrace) {

        public PaymentProperties {
            if (inProgressHold.isNegative() || settlementGrace.isNegative()) {
                throw new IllegalArgumentException(
                        "orders.payments.in-progress-hold and settlement-grace are not negative");
            }
        }
    }
}
