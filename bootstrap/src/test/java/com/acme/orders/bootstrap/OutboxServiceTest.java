package com.acme.orders.bootstrap;

import com.acme.orders.application.ordering.CancelOrder;
import com.acme.orders.application.ordering.PlaceOrder;
import com.acme.orders.application.payment.ConfirmPayment;
import com.acme.orders.bootstrap.OutboxTestServers.Relays;
import org.junit.jupiter.api.AfterEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The service without a web server on real PostgreSQL, Redis and Kafka ({@link OutboxTestServers}), for the tests of
 * the outbox. Its background relay is off: each test starts, stops, crashes and doubles relays itself, and every test
 * ends with its relays stopped. Its timeout worker is off too: Spring keeps this context for the whole test JVM, and
 * its worker would take the work of the timeout tests, which run service instances of their own on the same Redis and
 * database.
 */
@SpringBootTest(
        classes = {OrderServiceApplication.class, OutboxTestServers.class},
        webEnvironment = SpringBootTest.WebEnvironment.NONE,
        properties = {"orders.outbox.relay.enabled=false", "orders.timeouts.worker-enabled=false"})
abstract class OutboxServiceTest {

    @Autowired
    PlaceOrder placeOrder;

    @Autowired
    ConfirmPayment confirmPayment;

    @Autowired
    CancelOrder cancelOrder;

    @Autowired
    Relays relays;

    @Autowired
    JdbcTemplate jdbc;

    @AfterEach
    void stopTheRelays() throws InterruptedException {
        relays.stopAll();
    }
}
