package com.acme.orders.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.acme.orders.adapter.postgres.TestPostgres;
import com.acme.orders.adapter.redis.TestRedis;
import com.acme.orders.application.deadline.ExpireDueOrders;
import com.acme.orders.application.deadline.RebuildDeadlineIndex;
import com.acme.orders.application.fakes.RecordedEvents;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * The jar we ship, run the way production runs it: {@code java -jar} in a process of its own, configured only by
 * environment variables (the names of the README's configuration table), against PostgreSQL, Redis and Kafka started
 * apart from it (the tests' servers, in this JVM). It runs after {@code package}, in failsafe's integration-test phase.
 *
 * <p>One process serves both tests, in order, because starting it is most of their time: the second one stops it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ProductionJarIT {

    /** Secrets of this run only: the jar can trust nothing but what its environment says. */
    private static final String TOKEN_SECRET = "jar-token-secret-" + UUID.randomUUID();

    private static final String PAYMENT_SECRET = "jar-payment-secret-" + UUID.randomUUID();
    /**
     * Longer than either test runs, so that an order waiting for a claim the stopped jar kept would still be unpaid
     * when the second test looks.
     */
    private static final Duration LEASE = Duration.ofSeconds(60);

    private static final String CANCELLED = "com.acme.orders.order.cancelled.v1";

    private final JsonMapper json = JsonMapper.builder().build();
    private ProductionJar jar;

    @BeforeAll
    void startTheJar() throws Exception {
        jar = ProductionJar.start(Map.ofEntries(
                Map.entry("SPRING_DATASOURCE_URL", TestPostgres.server().jdbcUrl()),
                Map.entry("SPRING_DATASOURCE_USERNAME", TestPostgres.server().username()),
                Map.entry("SPRING_DATASOURCE_PASSWORD", TestPostgres.server().password()),
                Map.entry("SPRING_DATA_REDIS_HOST", TestRedis.host()),
                Map.entry("SPRING_DATA_REDIS_PORT", Integer.toString(TestRedis.port())),
                Map.entry("SPRING_KAFKA_BOOTSTRAP_SERVERS", TestKafka.bootstrapServers()),
                Map.entry("ORDERS_SECURITY_JWT_SECRET", TOKEN_SECRET),
                Map.entry("ORDERS_PAYMENTS_SIGNINGSECRETS", PAYMENT_SECRET),
                // An order times out within the test: the standard window is 2 s, and the shortest may not exceed it.
                Map.entry("ORDERS_PAYMENTWINDOW_STANDARD", "2s"),
                Map.entry("ORDERS_PAYMENTWINDOW_SHORTEST", "1s"),
                Map.entry("ORDERS_TIMEOUTS_LEASE", LEASE.toSeconds() + "s"),
                // Many small batches, so that the jar is in the middle of a backlog when the second test stops it.
                Map.entry("ORDERS_TIMEOUTS_BATCHSIZE", "5")));
        jar.awaitReady(Duration.ofSeconds(120));
    }

    @AfterAll
    void stopTheJar() throws InterruptedException {
        jar.close();
    }

    @Test
    @Order(1)
    void the_jar_configured_only_by_environment_variables_is_ready_and_an_unpaid_order_is_cancelled_onto_kafka()
            throws Exception {
        assertThat(json.readTree(jar.readiness().body()).get("status").asString())
                .isEqualTo("UP");

        var placed = jar.send(
                "POST", "/v1/orders", LocalCredentials.bearer("jar-customer", Instant.now(), TOKEN_SECRET), """
                {"currency":"EUR","items":[{"sku":"BOOK-1","quantity":2,"unitPrice":"12.50"}]}""");
        assertThat(placed.statusCode()).as(placed.body()).isEqualTo(201);
        var order = json.readTree(placed.body());
        String id = order.get("id").asString();
        assertThat(Duration.between(
                        Instant.now(),
                        Instant.parse(order.get("paymentDeadline").asString())))
                .as("the payment window of the environment")
                .isLessThanOrEqualTo(Duration.ofSeconds(2));

        var received = TopicReader.readUntil(
                events -> events.stream().anyMatch(it -> it.key().equals(id) && CANCELLED.equals(it.type())),
                Duration.ofSeconds(30));
        assertThat(received).as("the order's cancellation on the topic").anySatisfy(it -> {
            assertThat(it.key()).isEqualTo(id);
            assertThat(it.type()).isEqualTo(CANCELLED);
            assertThat(it.value()).contains("PAYMENT_TIMEOUT");
        });

        var read = json.readTree(jar.send(
                        "GET",
                        "/v1/orders/" + id,
                        LocalCredentials.bearer("jar-customer", Instant.now(), TOKEN_SECRET),
                        null)
                .body());
        assertThat(read.get("status").asString()).isEqualTo("CANCELLED");
        assertThat(jar.send("GET", "/v1/orders/" + id, LocalCredentials.bearer("jar-customer", Instant.now()), null)
                        .statusCode())
                .as("a token signed with the local run's public secret")
                .isEqualTo(401);
    }

    /**
     * A graceful stop ends the batches in flight, each with its claims acknowledged or handed back at the order's own
     * time, and claims nothing more: whatever is still unpaid is due for the next instance at once, not after the
     * {@link #LEASE} of a claim the stopped one kept. The other instance's timeout step runs by hand here, so that
     * only the jar works until it stops.
     */
    @Test
    @Order(2)
    void
            stopped_with_sigterm_amid_a_backlog_the_jar_leaves_no_claim_behind_and_another_instance_cancels_the_rest_at_once()
                    throws Exception {
        int orders = 3_000;
        try (var other = ServiceInstance.start(
                new RecordedEvents(),
                Map.of("orders.timeouts.worker-enabled", "false", "orders.timeouts.lease", LEASE.toSeconds() + "s"))) {
            var data = new TimeoutTestData(other.bean(DataSource.class));
            var jdbc = new JdbcTemplate(other.bean(DataSource.class));
            var due = Instant.now().plusSeconds(3);
            data.unpaidOrders(orders, i -> due);
            // As PlaceOrder would have; the rebuild also marks the index complete, so no sweeper rebuilds it meanwhile.
            other.bean(RebuildDeadlineIndex.class).rebuild();
            TimeoutTestData.sleepUntil(due);
            var giveUp = due.plusSeconds(30);
            while (cancelledOfTheBacklog(jdbc) == 0 && Instant.now().isBefore(giveUp)) {
                Thread.sleep(10);
            }
            assertThat(cancelledOfTheBacklog(jdbc))
                    .as("the jar works on the backlog")
                    .isPositive();

            var exit = jar.terminate(Duration.ofSeconds(40));
            var stopped = Instant.now();
            assertThat(exit).as("the jar ended on SIGTERM:\n" + jar.output()).isPresent();
            long leftByTheJar = orders - cancelledOfTheBacklog(jdbc);
            assertThat(leftByTheJar)
                    .as("the jar stopped with part of the backlog still to do")
                    .isPositive();

            var expire = other.bean(ExpireDueOrders.class);
            long cancelledByTheOther = 0;
            ExpireDueOrders.Batch batch;
            do {
                batch = expire.expireNextBatch();
                cancelledByTheOther += batch.cancelled().size();
            } while (batch.claimed() > 0);

            System.out.printf(
                    "The jar left %d of %d orders when it stopped; the other instance cancelled %d within %d ms%n",
                    leftByTheJar,
                    orders,
                    cancelledByTheOther,
                    Duration.between(stopped, Instant.now()).toMillis());
            assertThat(cancelledByTheOther).isEqualTo(leftByTheJar);
            assertThat(Duration.between(stopped, Instant.now())).isLessThan(LEASE.dividedBy(2));
            assertThat(cancelledOfTheBacklog(jdbc)).isEqualTo(orders);
            assertThat(data.storedMoreThanOnce()).isZero();
        }
    }

    /** Cancelled orders of the second test's backlog ({@link TimeoutTestData}'s customer). */
    private static long cancelledOfTheBacklog(JdbcTemplate jdbc) {
        return jdbc.queryForObject(
                "SELECT count(*) FROM orders WHERE customer_id = 'timeout-test' AND status = 'CANCELLED'", Long.class);
    }
}
