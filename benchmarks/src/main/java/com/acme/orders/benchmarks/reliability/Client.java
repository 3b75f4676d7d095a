package com.acme.orders.benchmarks.reliability;

import com.acme.orders.benchmarks.reliability.History.Action;
import com.acme.orders.benchmarks.reliability.History.Exchange;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The load balancer and the client in one: each request goes to the next instance in turn, and one that got no
 * answer or a 503 is sent again to the next one, as a client with retries behind a round-robin balancer would. Every
 * attempt goes into the {@link History}.
 */
final class Client {

    private static final int ATTEMPTS = 3;
    /** Longer than a placement takes on a loaded machine, shorter than a frozen instance stays frozen. */
    private static final Duration ANSWER_WITHIN = Duration.ofSeconds(5);

    private static final Pattern RESULT = Pattern.compile("\"result\":\"([A-Z_]+)\"");
    private static final Pattern STATUS = Pattern.compile("\"status\":\"([A-Z_]+)\"");
    private static final Pattern PROBLEM = Pattern.compile("\"type\":\"[^\"]*/([a-z-]+)\"");

    private final List<ServiceInstance> instances;
    private final History history;
    private final AtomicInteger next = new AtomicInteger();
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2))
            .build();

    record Answer(int status, String body) {}

    Client(List<ServiceInstance> instances, History history) {
        this.instances = instances;
        this.history = history;
    }

    /** The last answer of up to {@link #ATTEMPTS} tries; status 0 if none came. */
    Answer send(Action action, @Nullable UUID order, String path, @Nullable String body, String... headers) {
        Answer answer = new Answer(0, "not sent");
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            var instance = instances.get(Math.floorMod(next.getAndIncrement(), instances.size()));
            answer = once(action, instance, order, path, body, headers);
            if (answer.status() != 0 && answer.status() != 503) {
                return answer;
            }
        }
        return answer;
    }

    private Answer once(
            Action action,
            ServiceInstance instance,
            @Nullable UUID order,
            String path,
            @Nullable String body,
            String... headers) {
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + instance.port + path))
                .timeout(ANSWER_WITHIN)
                .POST(body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        long sent = System.currentTimeMillis();
        Answer answer;
        try {
            var response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            answer = new Answer(response.statusCode(), response.body());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            answer = new Answer(0, "interrupted");
        } catch (Exception e) {
            answer = new Answer(0, e.getClass().getSimpleName());
        }
        UUID named = order != null ? order : OrderIds.in(answer.body());
        history.record(new Exchange(
                action,
                instance.name,
                sent,
                System.currentTimeMillis() - sent,
                named,
                answer.status(),
                answer.status() == 0 ? answer.body() : outcome(answer)));
        return answer;
    }

    /** A payment's result, else an order's status, else the problem type's last segment (service-busy…). */
    private static String outcome(Answer answer) {
        for (Pattern pattern : List.of(RESULT, STATUS, PROBLEM)) {
            var matcher = pattern.matcher(answer.body());
            if (matcher.find()) {
                return matcher.group(1);
            }
        }
        return Integer.toString(answer.status());
    }
}
