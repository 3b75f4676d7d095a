package com.acme.orders.bootstrap;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

/**
 * The secrets of the local run and of the end-to-end tests, and what a customer's identity provider and a payment
 * provider would send with them. Never used by the production jar: these secrets are public, in this file and in the
 * README, so they are only for a developer's machine.
 */
final class LocalCredentials {

    static final String TOKEN_SECRET = "local-customer-token-secret-0123456789";
    static final String PAYMENT_SECRET = "local-payment-signing-secret-0123456789";

    private LocalCredentials() {}

    static String bearer(String customer, Instant now) {
        return bearer(customer, now, TOKEN_SECRET);
    }

    static String bearer(String customer, Instant now, String secret) {
        return bearer(customer, now, secret, null);
    }

    /** An operator's token: the scope {@code orders.operator} opens the actuator endpoints besides health. */
    static String operatorBearer(String operator, Instant now) {
        return bearer(operator, now, TOKEN_SECRET, "orders.operator");
    }

    private static String bearer(String customer, Instant now, String secret, String scope) {
        var key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
        var builder = JwtClaimsSet.builder().subject(customer).issuedAt(now).expiresAt(now.plus(Duration.ofHours(1)));
        if (scope != null) {
            builder.claim("scope", scope);
        }
        var claims = builder.build();
        return "Bearer "
                + NimbusJwtEncoder.withSecretKey(key)
                        .build()
                        .encode(JwtEncoderParameters.from(
                                JwsHeader.with(MacAlgorithm.HS256).build(), claims))
                        .getTokenValue();
    }

    /** {@code t=<unix seconds>,v1=<hex HMAC-SHA256 of "t.body">}, as the README's openssl command computes it. */
    static String paymentSignature(String body, Instant now) throws Exception {
        return paymentSignature(body.getBytes(StandardCharsets.UTF_8), now);
    }

    static String paymentSignature(String body, Instant now, String secret) throws Exception {
        return paymentSignature(body.getBytes(StandardCharsets.UTF_8), now, secret);
    }

    static String paymentSignature(byte[] body, Instant now) throws Exception {
        return paymentSignature(body, now, PAYMENT_SECRET);
    }

    private static String paymentSignature(byte[] body, Instant now, String secret) throws Exception {
        var mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        long t = now.getEpochSecond();
        mac.update((t + ".").getBytes(StandardCharsets.UTF_8));
        return "t=" + t + ",v1=" + HexFormat.of().formatHex(mac.doFinal(body));
    }
}
