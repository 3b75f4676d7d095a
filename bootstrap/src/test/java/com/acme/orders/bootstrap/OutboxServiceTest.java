package com.acme.orders.bootstrap;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The service without a web server on real PostgreSQL, Redis and Kafka ({@link OutboxTestServers}), for the tests of
 * the outbox. Its background relay is off: each test starts, stops, crashes and doubles relays itself. Its timeout
 * worker is off too: Spring keeps this context for the whole test JVM, and its worker would take the work of the
 * timeout tests, which run service instances of their own on the same Redis and database.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(classes = {OrderServiceApplication.class, OutboxTestServers.class},
        webEnvironment = SpringBootTest.WebEnvironment.NONE,
        properties = {"orders.outbox.relay.enabled=false", "orders.timeouts.worker-enabled=false"})
@interface OutboxServiceTest {
}
