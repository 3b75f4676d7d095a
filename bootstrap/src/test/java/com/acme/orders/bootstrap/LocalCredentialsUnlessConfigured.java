package com.acme.orders.bootstrap;

import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * The local run's public secrets of {@link LocalCredentials}, known from the README so that curl works at once, for
 * whatever is not configured. Whether something is configured is asked of Spring's own binding, once the environment
 * is complete: every spelling Spring accepts counts ({@code ORDERS_PAYMENTS_SIGNINGSECRETS}, a system property, a
 * command-line argument, a configuration file), and the public secrets go last, below everything else. A configured
 * issuer or secret therefore always replaces the public one: then the local run checks real tokens and signatures.
 */
final class LocalCredentialsUnlessConfigured implements ApplicationListener<ApplicationEnvironmentPreparedEvent> {

    static final String PROPERTY_SOURCE = "localRunCredentials";

    private static final Logger log = LoggerFactory.getLogger(LocalCredentialsUnlessConfigured.class);

    @Override
    public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
        apply(event.getEnvironment());
    }

    static void apply(ConfigurableEnvironment environment) {
        var binder = Binder.get(environment);
        Map<String, Object> credentials = new LinkedHashMap<>();
        if (!isSet(binder, "orders.security.jwt.secret")
                && !isSet(binder, "spring.security.oauth2.resourceserver.jwt.issuer-uri")
                && !isSet(binder, "spring.security.oauth2.resourceserver.jwt.jwk-set-uri")) {
            credentials.put("orders.security.jwt.secret", LocalCredentials.TOKEN_SECRET);
            log.warn("Trusting customer tokens signed with the local secret of the README: for this machine only");
        }
        if (!binder.bind("orders.payments.signing-secrets", Bindable.listOf(String.class))
                .isBound()) {
            credentials.put("orders.payments.signing-secrets", LocalCredentials.PAYMENT_SECRET);
            log.warn(
                    "Trusting payment notifications signed with the local secret of the README: for this machine only");
        }
        if (!credentials.isEmpty()) {
            environment.getPropertySources().addLast(new MapPropertySource(PROPERTY_SOURCE, credentials));
        }
    }

    private static boolean isSet(Binder binder, String property) {
        return binder.bind(property, String.class).isBound();
    }
}
