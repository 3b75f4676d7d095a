package com.acme.orders.adapter.rest.security;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Objects;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.web.SecurityFilterChain;
import tools.jackson.databind.json.JsonMapper;

/**
 * Who may call what. Customers send a bearer JWT whose {@code sub} is their customer id ({@link CurrentCustomerResolver}
 * reads it); payment providers are let through here because {@link PaymentSignatureCheck} authenticates them by the
 * signature of their body; the OpenAPI document is public. Everything else under {@code /v1} needs a token; other
 * paths lead nowhere and are answered 404.
 *
 * <p>The actuator (probes, metrics) is served on the management port only, which is reached from inside the cluster
 * (the kubelet, Prometheus) and never published: there it needs no token ({@link #management}). On the API port the
 * actuator is not served at all; {@code /actuator/**} there stays behind the operator's scope all the same, so that a
 * deployment which puts the management server back on the API port ({@code management.server.port} equal to
 * {@code server.port}) exposes the probes and nothing else to the public.
 */
@Configuration(proxyBeanMethods = false)
// A context without a web server (a worker, a test of the relay) has no HTTP to secure.
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableConfigurationProperties(CustomerTokenProperties.class)
public class CustomerAuthenticationConfiguration {

    /**
     * What opens the actuator on the API port, should it be served there: a token with the scope
     * {@code orders.operator}. A customer's token does not, whoever the customer is: the metrics describe every
     * customer's orders.
     */
    static final String OPERATOR = "SCOPE_orders.operator";

    /** About 2 KB each: a few tens of MB at most, for the customers active within minutes. */
    static final int REMEMBERED_TOKENS = 20_000;

    /**
     * The management port: open, because Prometheus and the kubelet present no token, and because what protects it is
     * that it is not published outside the cluster (README, "Operating it"). Checked first, so the API's rules below
     * never see a request of the management port.
     */
    @Bean
    @Order(1)
    SecurityFilterChain management(HttpSecurity http) throws Exception {
        http.securityMatcher(new ManagementServerRequests())
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll());
        return statelessWithoutBrowserCredentials(http).build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain api(HttpSecurity http, JsonMapper json, ObjectProvider<JwtDecoder> decoders, Clock clock)
            throws Exception {
        var problems = new BearerTokenProblems(json);
        JwtDecoder decoder = decoders.getIfUnique();
        http.authorizeHttpRequests(requests -> requests.requestMatchers(
                                PaymentSignatureCheck.PATH, PaymentSignatureCheck.PATH + "/**")
                        .permitAll()
                        .requestMatchers("/v3/api-docs", "/v3/api-docs/**")
                        .permitAll()
                        // Only when the management server shares the API port: the probes stay public, nothing else.
                        .requestMatchers("/actuator/health/liveness", "/actuator/health/readiness")
                        .permitAll()
                        .requestMatchers("/actuator", "/actuator/**")
                        .hasAuthority(OPERATOR)
                        .requestMatchers("/v1", "/v1/**")
                        .authenticated()
                        // Every endpoint of the API is under /v1 (a test holds the controllers to that): what is left
                        // is the error page and paths that do not exist, answered 404 with or without a token.
                        .anyRequest()
                        .permitAll())
                .oauth2ResourceServer(resourceServer -> resourceServer
                        .jwt(jwt -> {
                            if (decoder != null) {
                                jwt.decoder(
                                        new VerifiedTokens(new TypedClaims(decoder, json), clock, REMEMBERED_TOKENS));
                            }
                        })
                        .authenticationEntryPoint(problems)
                        .accessDeniedHandler(problems))
                .exceptionHandling(exceptions ->
                        exceptions.authenticationEntryPoint(problems).accessDeniedHandler(problems));
        return statelessWithoutBrowserCredentials(http).build();
    }

    /**
     * Every request carries its own token (or, on the management port, none); a session would only be state to steal
     * and to clean up. CSRF rides on credentials the browser adds by itself (cookies, basic auth). Neither chain
     * accepts them: a bearer token is added by the client's own code, so a forged cross-site request lacks it.
     */
    private static HttpSecurity statelessWithoutBrowserCredentials(HttpSecurity http) throws Exception {
        return http.sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(AbstractHttpConfigurer::disable)
                .httpBasic(AbstractHttpConfigurer::disable)
                .formLogin(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .requestCache(AbstractHttpConfigurer::disable);
    }

    /**
     * No observation per security filter: with a registry present Spring Security wraps each of its dozen filters in
     * an observation of its own: with the filters' own work, a fifth of the CPU samples of placing an order
     * (docs/front-door.md), for timings nobody reads.
     * Requests are still observed as a whole ({@code http.server.requests}, with
     * their status).
     */
    @Bean
    SecurityObservationSettings noFilterObservations() {
        return SecurityObservationSettings.noObservations();
    }

    /**
     * Tokens signed with the shared secret, for local runs and tests. Takes the place of Spring Boot's decoder for an
     * issuer's keys, which is configured only when this one is not.
     */
    @Bean
    @ConditionalOnProperty("orders.security.jwt.secret")
    JwtDecoder sharedSecretJwtDecoder(CustomerTokenProperties properties, Clock clock) {
        var decoder = NimbusJwtDecoder.withSecretKey(properties.secretKey())
                .macAlgorithm(MacAlgorithm.HS256)
                .build();
        decoder.setJwtValidator(validators(properties, clock));
        return decoder;
    }

    /**
     * Expiry is checked against the service's clock. A token must expire and name its customer: a token without
     * {@code exp} would be valid forever once leaked.
     */
    private static OAuth2TokenValidator<Jwt> validators(CustomerTokenProperties properties, Clock clock) {
        var timestamps = new JwtTimestampValidator();
        timestamps.setClock(clock);
        var validators = new ArrayList<OAuth2TokenValidator<Jwt>>();
        validators.add(timestamps);
        validators.add(new JwtClaimValidator<Instant>(JwtClaimNames.EXP, Objects::nonNull));
        validators.add(new JwtClaimValidator<String>(JwtClaimNames.SUB, Objects::nonNull));
        if (properties.issuer() != null) {
            validators.add(new JwtIssuerValidator(properties.issuer()));
        }
        return new DelegatingOAuth2TokenValidator<>(validators);
    }
}
