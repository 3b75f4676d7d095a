package com.acme.orders.adapter.rest.console;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.http.MediaType;

/**
 * {@code GET /actuator/console} on the management port: one HTML page, with its script and style inline so that it
 * needs nothing but this port, which draws {@code /actuator/deadlines} and {@code /actuator/outbox} and requeues
 * parked events. It holds no data of its own: everything it shows, a script or {@code curl} can read the same way.
 */
@Endpoint(id = "console")
public class OperatorsConsole {

    private final String page;

    public OperatorsConsole() {
        try (InputStream in = Objects.requireNonNull(
                OperatorsConsole.class.getResourceAsStream("console.html"), "console.html beside the class")) {
            page = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @ReadOperation(produces = MediaType.TEXT_HTML_VALUE)
    public String page() {
        return page;
    }
}
