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
 */
@ConfigurationProperties("orders")
public record OrderServiceProperties(@DefaultValue PaymentWindowProperties paymentWindow) {

    public record PaymentWindowProperties(
            @DefaultValue("30m") Duration standard,
            @DefaultValue("1m") Duration shortest,
            @DefaultValue("24h") Duration longest) {

        PaymentWindow toPaymentWindow() {
            return new PaymentWindow(standard, shortest, longest);
        }
    }
}
