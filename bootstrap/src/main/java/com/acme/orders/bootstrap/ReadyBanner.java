package com.acme.orders.bootstrap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.event.EventListener;

/** One line that tells whoever started the service where to reach it. */
class ReadyBanner {

    private static final Logger log = LoggerFactory.getLogger(ReadyBanner.class);

    @EventListener
    void announce(ApplicationReadyEvent ready) {
        if (ready.getApplicationContext() instanceof WebServerApplicationContext web && web.getWebServer() != null) {
            int port = web.getWebServer().getPort();
            // Set by the actuator once the management server listens on a port of its own.
            String management = web.getEnvironment().getProperty("local.management.port", Integer.toString(port));
            log.info(
                    "Order service ready: http://localhost:{}/v1/orders (OpenAPI at http://localhost:{}/v3/api-docs; "
                            + "probes and metrics at http://localhost:{}/actuator)",
                    port,
                    port,
                    management);
        }
    }
}
