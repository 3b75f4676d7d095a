package com.acme.orders.bootstrap;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.jspecify.annotations.Nullable;

/** A JSON request to a service on this machine, as the tests that drive a whole service send it. */
final class JsonOverHttp {

    private JsonOverHttp() {}

    /** {@code authorization} is the whole header value, or null for none; {@code body} null sends no body. */
    static HttpResponse<String> send(
            HttpClient http,
            int port,
            String method,
            String path,
            @Nullable String authorization,
            @Nullable String body)
            throws IOException, InterruptedException {
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json");
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
