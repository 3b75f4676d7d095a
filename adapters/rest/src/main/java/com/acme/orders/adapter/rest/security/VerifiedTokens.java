package com.acme.orders.adapter.rest.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

/**
 * Remembers the tokens it has verified, so that a customer's next request with the same token is not verified again.
 * A client sends one token for many requests; decoding it, checking its signature and converting its claims was a
 * tenth of the CPU of placing an order (docs/front-door.md), and with an identity provider's RSA keys it is more.
 *
 * <p>The key is the whole token, signature included: only the very bytes that passed {@code decoder} are let through
 * again. A remembered token is let through until it expires (without the clock skew the validator allows, which is
 * left to a fresh check) and for {@link #REMEMBERED} at most, so that a key withdrawn by the identity provider stops
 * working within minutes. At most {@code capacity} tokens are remembered; when they are all taken the memory is
 * cleared, which costs a verification per token and nothing else.
 */
final class VerifiedTokens implements JwtDecoder {

    static final Duration REMEMBERED = Duration.ofMinutes(5);

    private record Verified(Jwt jwt, Instant until) {}

    private final JwtDecoder decoder;
    private final Clock clock;
    private final int capacity;
    private final ConcurrentHashMap<String, Verified> verified;

    VerifiedTokens(JwtDecoder decoder, Clock clock, int capacity) {
        this.decoder = decoder;
        this.clock = clock;
        this.capacity = capacity;
        this.verified = new ConcurrentHashMap<>(Math.min(capacity, 1_024));
    }

    @Override
    public Jwt decode(String token) throws JwtException {
        Instant now = clock.instant();
        Verified known = verified.get(token);
        if (known != null) {
            if (now.isBefore(known.until())) {
                return known.jwt();
            }
            verified.remove(token, known);
        }
        Jwt jwt = decoder.decode(token);
        Instant until = now.plus(REMEMBERED);
        Instant expiresAt = jwt.getExpiresAt();
        if (expiresAt != null && expiresAt.isBefore(until)) {
            until = expiresAt;
        }
        if (verified.size() >= capacity) {
            verified.clear();
        }
        verified.put(token, new Verified(jwt, until));
        return jwt;
    }
}
