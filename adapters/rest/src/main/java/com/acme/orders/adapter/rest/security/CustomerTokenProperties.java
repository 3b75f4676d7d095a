package com.acme.orders.adapter.rest.security;

import java.nio.charset.StandardCharsets;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Customer tokens signed with a shared secret ({@code orders.security.jwt.*}), for local runs and tests. In production
 * leave {@code secret} unset and point Spring Boot's own {@code spring.security.oauth2.resourceserver.jwt.issuer-uri}
 * (or {@code jwk-set-uri}) at the identity provider: tokens are then checked against its published keys.
 *
 * @param secret the HS256 key, at least 32 bytes (256 bits, the strength of HMAC-SHA256); unset means "use the
 *               identity provider's keys"
 * @param issuer when set, a token must carry exactly this {@code iss}
 */
@ConfigurationProperties("orders.security.jwt")
public record CustomerTokenProperties(String secret, String issuer) {

    static final int MIN_SECRET_BYTES = 32;

    public CustomerTokenProperties {
        if (secret != null && secret.getBytes(StandardCharsets.UTF_8).length < MIN_SECRET_BYTES) {
            throw new IllegalArgumentException("orders.security.jwt.secret has at least " + MIN_SECRET_BYTES
                    + " bytes: a shorter HS256 key can be guessed");
        }
    }

    SecretKeySpec secretKey() {
        return new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
    }
}
