package com.acme.orders.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.argumentSet;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/**
 * The local run trusts the README's public secrets only for what is not configured, and a configured secret or issuer
 * replaces the public one in whichever spelling Spring accepts it.
 */
class LocalRunCredentialsTest {

    private static final String CONFIGURED_TOKEN_SECRET = "configured-customer-token-secret-0123456789";
    private static final String CONFIGURED_PAYMENT_SECRET = "configured-payment-signing-secret-0123456789";

    @Test
    void with_nothing_configured_the_local_run_trusts_the_public_secrets_of_the_readme() {
        var environment = environment(Map.of(), Map.of());

        LocalCredentialsUnlessConfigured.apply(environment);

        assertThat(environment.getProperty("orders.security.jwt.secret")).isEqualTo(LocalCredentials.TOKEN_SECRET);
        assertThat(environment.getProperty("orders.payments.signing-secrets"))
                .isEqualTo(LocalCredentials.PAYMENT_SECRET);
    }

    static Stream<Arguments> configuredPaymentSecrets() {
        return Stream.of(
                argumentSet(
                        "the README's variable",
                        Map.of("ORDERS_PAYMENTS_SIGNINGSECRETS", CONFIGURED_PAYMENT_SECRET),
                        Map.of()),
                argumentSet(
                        "an indexed variable",
                        Map.of("ORDERS_PAYMENTS_SIGNINGSECRETS_0_", CONFIGURED_PAYMENT_SECRET),
                        Map.of()),
                argumentSet(
                        "the property's own name",
                        Map.of(),
                        Map.of("orders.payments.signing-secrets", CONFIGURED_PAYMENT_SECRET)),
                argumentSet(
                        "the property in camel case",
                        Map.of(),
                        Map.of("orders.payments.signingSecrets", CONFIGURED_PAYMENT_SECRET)),
                argumentSet(
                        "an indexed property",
                        Map.of(),
                        Map.of("orders.payments.signing-secrets[0]", CONFIGURED_PAYMENT_SECRET)));
    }

    @ParameterizedTest
    @MethodSource("configuredPaymentSecrets")
    void a_configured_payment_secret_replaces_the_public_one_whatever_its_spelling(
            Map<String, Object> variables, Map<String, Object> properties) {
        var environment = environment(variables, properties);

        LocalCredentialsUnlessConfigured.apply(environment);

        assertThat(environment.getPropertySources().get(LocalCredentialsUnlessConfigured.PROPERTY_SOURCE))
                .satisfiesAnyOf(
                        source -> assertThat(source).isNull(),
                        source -> assertThat(source.containsProperty("orders.payments.signing-secrets"))
                                .isFalse());
    }

    static Stream<Arguments> configuredCustomerTokens() {
        return Stream.of(
                argumentSet("a shared secret", Map.of("ORDERS_SECURITY_JWT_SECRET", CONFIGURED_TOKEN_SECRET)),
                argumentSet(
                        "an issuer",
                        Map.of("SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_ISSUERURI", "https://id.example.com")),
                argumentSet(
                        "a key set",
                        Map.of("SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_JWKSETURI", "https://id.example.com/keys")));
    }

    @ParameterizedTest
    @MethodSource("configuredCustomerTokens")
    void a_configured_issuer_or_token_secret_replaces_the_public_token_secret(Map<String, Object> variables) {
        var environment = environment(variables, Map.of());

        LocalCredentialsUnlessConfigured.apply(environment);

        assertThat(environment.getPropertySources().get(LocalCredentialsUnlessConfigured.PROPERTY_SOURCE))
                .satisfies(source -> assertThat(source.containsProperty("orders.security.jwt.secret"))
                        .isFalse());
    }

    @Test
    void the_local_run_with_configured_secrets_refuses_what_the_public_secrets_sign() throws Exception {
        var environment = environment(
                Map.of(
                        "ORDERS_PAYMENTS_SIGNINGSECRETS", CONFIGURED_PAYMENT_SECRET,
                        "ORDERS_SECURITY_JWT_SECRET", CONFIGURED_TOKEN_SECRET),
                Map.of());
        try (var service = new SpringApplicationBuilder(OrderServiceApplication.class)
                .environment(environment)
                .listeners(new LocalCredentialsUnlessConfigured())
                .run(servers())) {
            int port = Integer.parseInt(service.getEnvironment().getRequiredProperty("local.server.port"));
            Instant now = Instant.now();
            String body = "{\"orderId\":\"" + UUID.randomUUID()
                    + "\",\"paymentReference\":\"pi_local\",\"amount\":\"5.00\",\"currency\":\"EUR\"}";

            var publicToken = list(port, LocalCredentials.bearer("alice", now));
            var configuredToken = list(port, LocalCredentials.bearer("alice", now, CONFIGURED_TOKEN_SECRET));
            var publicSignature = notify(port, body, LocalCredentials.paymentSignature(body, now));
            var configuredSignature =
                    notify(port, body, LocalCredentials.paymentSignature(body, now, CONFIGURED_PAYMENT_SECRET));

            assertThat(publicToken.statusCode()).isEqualTo(401);
            assertThat(configuredToken.statusCode()).isEqualTo(200);
            assertThat(publicSignature.statusCode()).isEqualTo(401);
            // Signed as it must be, and about an order that does not exist.
            assertThat(configuredSignature.statusCode())
                    .as(configuredSignature.body())
                    .isEqualTo(404);
        }
    }

    /** An environment whose variables are exactly {@code variables}, plus {@code properties} as system properties. */
    private static StandardEnvironment environment(Map<String, Object> variables, Map<String, Object> properties) {
        var environment = new StandardEnvironment();
        var sources = environment.getPropertySources();
        sources.replace(
                StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                new SystemEnvironmentPropertySource(
                        StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, variables));
        sources.replace(
                StandardEnvironment.SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME,
                new MapPropertySource(StandardEnvironment.SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME, properties));
        return environment;
    }

    /** The test's servers, as command-line arguments; the secrets are left to the environment under test. */
    private static String[] servers() {
        Map<String, Object> all = new HashMap<>(ServiceInstance.testServers());
        all.put("server.port", "0");
        all.put("management.server.port", "0");
        all.put("orders.timeouts.worker-enabled", "false");
        all.put("orders.outbox.relay.enabled", "false");
        all.put("spring.main.banner-mode", "off");
        return all.entrySet().stream()
                .map(it -> "--" + it.getKey() + "=" + it.getValue())
                .toArray(String[]::new);
    }

    private static HttpResponse<String> list(int port, String authorization) throws Exception {
        return HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/v1/orders"))
                                .header("Authorization", authorization)
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> notify(int port, String body, String signature) throws Exception {
        return HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/v1/payment-notifications"))
                                .header("Content-Type", "application/json")
                                .header("Payment-Signature", signature)
                                .POST(HttpRequest.BodyPublishers.ofString(body))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
    }
}
