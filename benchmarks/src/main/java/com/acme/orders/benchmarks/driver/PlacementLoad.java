package com.acme.orders.benchmarks.driver;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Order placement through the REST API: {@code clients} customers, each placing orders one after another as fast as
 * the service answers, for a while. The baseline, in the same run and at the same concurrency, is the cheapest request
 * the same HTTP stack serves (the health endpoint), so the ratio says what placing an order costs on top of HTTP. Both
 * are measured after a warm-up of each.
 */
final class PlacementLoad {

    private static final String ORDER = "{\"currency\":\"EUR\",\"items\":[{\"sku\":\"BOOK-1\",\"quantity\":2,"
            + "\"unitPrice\":\"12.50\"},{\"sku\":\"PEN-7\",\"quantity\":1,\"unitPrice\":\"0.99\"}]}";

    record Result(
            int clients,
            double seconds,
            long placed,
            double perSecond,
            Lags.Summary latency,
            long failed,
            double baselinePerSecond,
            Lags.Summary baselineLatency) {}

    static Result measure(ServiceProcess service, int clients, Duration duration) throws Exception {
        // A fresh JVM: its first requests run interpreted while the JIT compiles on the same cores.
        run(service, clients, Duration.ofSeconds(15), false);
        run(service, clients, Duration.ofSeconds(15), true);
        var baseline = run(service, clients, duration.dividedBy(2), false);
        var placing = run(service, clients, duration, true);
        return new Result(
                clients,
                placing.seconds,
                placing.ok,
                placing.ok / placing.seconds,
                placing.latency.summary(),
                placing.failed,
                baseline.ok / baseline.seconds,
                baseline.latency.summary());
    }

    private record Round(long ok, long failed, double seconds, Lags latency) {}

    private static Round run(ServiceProcess service, int clients, Duration duration, boolean place) throws Exception {
        var http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        var ok = new AtomicLong();
        var failed = new AtomicLong();
        var latency = new Lags();
        long start = System.nanoTime();
        long end = start + duration.toNanos();
        var threads = new ArrayList<Thread>();
        for (int i = 0; i < clients; i++) {
            String token = Credentials.customerToken("benchmark-customer-" + i);
            threads.add(Thread.ofVirtual().start(() -> {
                var request = place
                        ? HttpRequest.newBuilder(service.uri("/v1/orders"))
                                .header("Content-Type", "application/json")
                                .header("Authorization", "Bearer " + token)
                                .POST(HttpRequest.BodyPublishers.ofString(ORDER))
                                .build()
                        : HttpRequest.newBuilder(service.uri("/actuator/health"))
                                .build();
                while (System.nanoTime() < end) {
                    long sent = System.nanoTime();
                    try {
                        var response = http.send(request, HttpResponse.BodyHandlers.discarding());
                        if (response.statusCode() == (place ? 201 : 200)) {
                            ok.incrementAndGet();
                            latency.record((System.nanoTime() - sent) / 1_000);
                        } else {
                            failed.incrementAndGet();
                        }
                    } catch (Exception e) {
                        failed.incrementAndGet();
                    }
                }
            }));
        }
        for (Thread it : threads) {
            it.join();
        }
        http.close();
        return new Round(ok.get(), failed.get(), (System.nanoTime() - start) / 1e9, latency);
    }
}
