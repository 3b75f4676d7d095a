package com.acme.orders.benchmarks.reliability;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.jspecify.annotations.Nullable;

/**
 * Every request the clients sent and the answer each got, in the order they were sent: what the invariants hold the
 * service to. Kept in memory (a few hundred bytes per exchange) and written out at the end for whoever checks a
 * verdict by hand.
 */
final class History {

    enum Action {
        PLACE,
        PAY,
        PAY_AGAIN,
        PAY_LATE,
        CANCEL
    }

    /**
     * @param status the HTTP status, or 0 when no answer came (connection refused or reset, the instance frozen)
     * @param answer the outcome the body names (PAID, REFUND_REQUESTED…), or the error when none came
     */
    record Exchange(
            Action action,
            String instance,
            long sentAtMillis,
            long tookMillis,
            @Nullable UUID order,
            int status,
            String answer) {}

    private final ConcurrentLinkedQueue<Exchange> exchanges = new ConcurrentLinkedQueue<>();

    void record(Exchange exchange) {
        exchanges.add(exchange);
    }

    List<Exchange> exchanges() {
        return List.copyOf(exchanges);
    }

    void write(Path file) throws IOException {
        var lines = exchanges.stream()
                .map(it -> String.join(
                        "\t",
                        Long.toString(it.sentAtMillis()),
                        it.action().name(),
                        it.instance(),
                        String.valueOf(it.order()),
                        Integer.toString(it.status()),
                        Long.toString(it.tookMillis()),
                        it.answer()))
                .toList();
        Files.write(file, lines);
    }
}
