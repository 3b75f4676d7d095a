package com.acme.orders.adapter.rest.security;

import java.time.Clock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import tools.jackson.databind.json.JsonMapper;

@Configuration(proxyBeanMethods = false)
// A context without a web server (a worker, a test of the relay) has no HTTP to secure.
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableConfigurationProperties(PaymentSigningProperties.class)
public class PaymentSignatureConfiguration {

    /**
     * Right after the protection package's {@code RequestBodyLimit} (so the body it reads is capped) and before Spring
     * Security's chain (which lets payment notifications through without a customer token: this check is their
     * authentication).
     */
    @Bean
    FilterRegistrationBean<PaymentSignatureCheck> paymentSignatureCheck(
            PaymentSigningProperties properties, Clock clock, JsonMapper json) {
        var registration =
                new FilterRegistrationBean<>(new PaymentSignatureCheck(new PaymentSignature(properties, clock), json));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
        return registration;
    }
}
