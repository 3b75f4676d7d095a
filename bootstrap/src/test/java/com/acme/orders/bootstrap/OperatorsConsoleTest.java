package com.acme.orders.bootstrap;

import static com.acme.orders.adapter.postgres.jooq.Tables.OUTBOX;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.acme.orders.application.change.port.Transactions;
import com.acme.orders.application.ordering.PlaceOrder;
import com.acme.orders.domain.CustomerId;
import com.acme.orders.domain.LineItem;
import com.acme.orders.domain.Money;
import com.acme.orders.domain.Order;
import com.acme.orders.domain.Quantity;
import com.acme.orders.domain.Sku;
import java.io.File;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The operator's console in a real browser (Chromium headless, from the distribution's packages; {@code .ci/run}
 * installs it) against the whole service and its real servers: an operator sees a parked event with its error, requeues
 * it with the button, and the event reaches Kafka.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OperatorsConsoleTest {

    private static final Logger log = LoggerFactory.getLogger(OperatorsConsoleTest.class);
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    private final HttpClient http = HttpClient.newHttpClient();
    private ConfigurableApplicationContext service;
    private int managementPort;

    @BeforeAll
    void startTheService() {
        // The timeout worker would take the work of the timeout tests, on the same database; the relay is what this
        // test needs (it is one relay at a time across instances, so it shares the outbox safely).
        service = ServiceInstance.startWithWebServers(
                Map.of("orders.timeouts.worker-enabled", "false", "orders.outbox.relay.enabled", "true"));
        managementPort = Integer.parseInt(service.getEnvironment().getRequiredProperty("local.management.port"));
    }

    @AfterAll
    void stop() {
        if (service != null) {
            service.close();
        }
    }

    @Test
    void an_operator_sees_a_parked_event_with_its_error_requeues_it_and_it_is_published() {
        var parked = placeAnOrderWhoseEventIsParked("org.apache.kafka.common.errors.RecordTooLargeException: too big");
        WebDriver browser = chromium();
        try {
            browser.get(management("/actuator/console"));
            var wait = new WebDriverWait(browser, PATIENCE);
            var row = By.cssSelector("tr[data-parked-event='" + parked.position() + "']");

            var shown = wait.until(ExpectedConditions.visibilityOfElementLocated(row));
            assertThat(shown.getText()).contains(parked.order().id().toString(), "RecordTooLargeException");
            assertThat(Long.parseLong(browser.findElement(By.id("due-hour")).getText()))
                    .as("the order falls due within the hour")
                    .isPositive();

            shown.findElement(By.tagName("button")).click();

            wait.until(ExpectedConditions.invisibilityOfElementLocated(row));
            assertThat(browser.findElement(By.id("banner")).isDisplayed())
                    .as("no error shown")
                    .isFalse();
        } finally {
            browser.quit();
        }
        var received = TopicReader.readUntil(
                it -> it.stream().anyMatch(r -> r.eventId().equals(parked.eventId())), PATIENCE);
        assertThat(received)
                .filteredOn(it -> it.key().equals(parked.order().id().toString()))
                .extracting(TopicReader.Received::type)
                .containsExactly(OrderEvents.PLACED);
    }

    @Test
    void a_requeue_needs_a_json_body_so_a_form_from_another_site_cannot_send_one() throws Exception {
        var form = http.send(
                HttpRequest.newBuilder(URI.create(management("/actuator/outbox/1")))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString("reason=x"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        var unknown = http.send(
                HttpRequest.newBuilder(URI.create(management("/actuator/outbox/" + Long.MAX_VALUE)))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"reason\":\"fixed the topic\"}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(form.statusCode()).isEqualTo(415);
        assertThat(form.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(unknown.body()).contains("/problems/event-not-parked");
    }

    private record Parked(Order order, long position, String eventId) {}

    /**
     * The placement and the parking in one transaction, so that no relay (this instance's or another test's) can
     * publish the event before it is parked.
     */
    private Parked placeAnOrderWhoseEventIsParked(String error) {
        var placeOrder = service.getBean(PlaceOrder.class);
        var db = service.getBean(DSLContext.class);
        return service.getBean(Transactions.class).inTransaction(() -> {
            Order order = placeOrder.place(new PlaceOrder.Command(
                    new CustomerId("console-" + System.nanoTime()),
                    List.of(new LineItem(new Sku("BOOK-1"), new Quantity(1), Money.of("9.99", "EUR"))),
                    Optional.empty()));
            var event = db.update(OUTBOX)
                    .set(OUTBOX.ATTEMPTS, 10)
                    .set(OUTBOX.LAST_ERROR, error)
                    .set(OUTBOX.PARKED_AT, Instant.now())
                    .where(OUTBOX.ORDER_ID.eq(order.id().value()))
                    .returning(OUTBOX.ID, OUTBOX.EVENT_ID)
                    .fetchSingle();
            return new Parked(order, event.getId(), event.getEventId().toString());
        });
    }

    private String management(String path) {
        return "http://localhost:" + managementPort + path;
    }

    /** Headless, sandbox off (CI runs as root), and none of the background traffic a closed network refuses. */
    private static WebDriver chromium() {
        boolean present = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        if (!present) {
            log.warn("Chromium or chromedriver is missing: the operator's console is not tested in a browser. Install "
                    + "them with apt-get install chromium chromium-driver (Debian); .ci/run does.");
        }
        assumeTrue(present, "Chromium and chromedriver at " + CHROMIUM + " and " + CHROMEDRIVER);
        var options = new ChromeOptions()
                .setBinary(CHROMIUM.toFile())
                .addArguments(
                        "--headless=new",
                        "--no-sandbox",
                        "--disable-gpu",
                        "--disable-dev-shm-usage",
                        "--disable-quic",
                        "--no-first-run",
                        "--disable-background-networking",
                        "--disable-component-update",
                        "--disable-sync",
                        "--window-size=1300,1000");
        var driver = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER.toString()))
                .usingAnyFreePort()
                .build();
        return new ChromeDriver(driver, options);
    }
}
