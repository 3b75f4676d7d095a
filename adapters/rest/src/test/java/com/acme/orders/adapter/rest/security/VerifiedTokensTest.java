package com.acme.orders.adapter.rest.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;

class VerifiedTokensTest {

    private static final Instant NOW = Instant.parse("2026-12-05T10:00:00Z");

    private final List<String> verifications = new ArrayList<>();
    private Instant expiresAt = NOW.plus(Duration.ofHours(1));
    private Instant now = NOW;
    private final JwtDecoder decoder = token -> {
        verifications.add(token);
        if (token.startsWith("forged")) {
            throw new BadJwtException("bad signature");
        }
        return Jwt.withTokenValue(token)
                .header("alg", "HS256")
                .subject("alice")
                .issuedAt(NOW.minusSeconds(60))
                .expiresAt(expiresAt)
                .build();
    };
    private final VerifiedTokens tokens = new VerifiedTokens(
            decoder,
            new Clock() {
                @Override
                public ZoneOffset getZone() {
                    return ZoneOffset.UTC;
                }

                @Override
                public Clock withZone(java.time.ZoneId zone) {
                    return this;
                }

                @Override
                public Instant instant() {
                    return now;
                }
            },
            2);

    @Test
    void a_token_sent_again_is_not_verified_again() {
        tokens.decode("token-a");
        var again = tokens.decode("token-a");

        assertThat(again.getSubject()).isEqualTo("alice");
        assertThat(verifications).containsExactly("token-a");
    }

    @Test
    void a_token_that_failed_is_verified_every_time_it_comes() {
        assertThatThrownBy(() -> tokens.decode("forged-1")).isInstanceOf(BadJwtException.class);
        assertThatThrownBy(() -> tokens.decode("forged-1")).isInstanceOf(BadJwtException.class);

        assertThat(verifications).containsExactly("forged-1", "forged-1");
    }

    @Test
    void a_remembered_token_is_verified_again_once_it_has_expired() {
        expiresAt = NOW.plusSeconds(30);
        tokens.decode("token-a");
        now = NOW.plusSeconds(31);
        tokens.decode("token-a");

        assertThat(verifications).containsExactly("token-a", "token-a");
    }

    @Test
    void a_long_lived_token_is_verified_again_after_a_few_minutes() {
        tokens.decode("token-a");
        now = NOW.plus(VerifiedTokens.REMEMBERED).plusSeconds(1);
        tokens.decode("token-a");

        assertThat(verifications).containsExactly("token-a", "token-a");
    }

    @Test
    void no_more_tokens_are_remembered_than_the_capacity() {
        tokens.decode("token-a");
        tokens.decode("token-b");
        tokens.decode("token-c");
        tokens.decode("token-a");

        assertThat(verifications).containsExactly("token-a", "token-b", "token-c", "token-a");
    }
}
