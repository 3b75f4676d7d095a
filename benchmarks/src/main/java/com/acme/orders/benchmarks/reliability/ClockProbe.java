package com.acme.orders.benchmarks.reliability;

import com.acme.orders.benchmarks.driver.Credentials;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.regex.Pattern;

/**
 * How far an instance's clock is from this machine's, as the service itself shows it: the {@code createdAt} of an
 * order it places, against the middle of the request. Proves that the fast clock of the run is really fast where it
 * matters (the use cases' clock), not only configured.
 */
final class ClockProbe {

    private static final Pattern CREATED = Pattern.compile("\"createdAt\":\"([^\"]+)\"");

    private ClockProbe() {}

    /** The second of two probes: the first answer of a fresh JVM is slow, and the error is half its round trip. */
    static Duration skewOf(ServiceInstance instance) throws Exception {
        var http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        probe(http, instance);
        return probe(http, instance);
    }

    private static Duration probe(HttpClient http, ServiceInstance instance) throws Exception {
        long before = System.currentTimeMillis();
        var response = http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + instance.port + "/v1/orders"))
                        .header("Content-Type", "application/json")
                        .header("Authorization", "Bearer " + Credentials.customerToken("clock-probe"))
                        .POST(HttpRequest.BodyPublishers.ofString("""
                                {"currency":"EUR","items":[{"sku":"PROBE","quantity":1,"unitPrice":"1.00"}]}"""))
                        .timeout(Duration.ofSeconds(30))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        long after = System.currentTimeMillis();
        var created = CREATED.matcher(response.body());
        if (response.statusCode() != 201 || !created.find()) {
            throw new IllegalStateException(
                    instance.name + " did not place the probe: " + response.statusCode() + " " + response.body());
        }
        return Duration.ofMillis(Instant.parse(created.group(1)).toEpochMilli() - (before + after) / 2);
    }
}
