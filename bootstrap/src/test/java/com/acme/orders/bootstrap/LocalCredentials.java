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
        var key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
        var claims = JwtClaimsSet.builder()
                .subject(customer)
                .issuedAt(now)
                .expiresAt(now.plus(Duration.ofHours(1)))
                .build();
        return "Bearer "
                + NimbusJwtEncoder.withSecretKey(key)
                        .build()
                        .encode(JwtEncoderParameters.from(
                                JwsHeader.with(MacAlgorithm.HS256).build(), claims))
                        .getTokenValue();
    }

    /** {@code t=<unix seconds>,v1=<hex HMAC-SHA256 of "t.body">}, as the README's openssl command computes it. */
    static String paymentSignature(String body, Instant now) throws Exception {
        var mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(PAYMENT_SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        long t = now.getEpochSecond();
        return "t=" + t + ",v1="
                + HexFormat.of().formatHex(mac.doFinal((t + "." + body).getBytes(StandardCharsets.UTF_8)));
    }
}
