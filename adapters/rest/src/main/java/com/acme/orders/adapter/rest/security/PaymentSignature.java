package com.acme.orders.adapter.rest.security;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.Nullable;

/**
 * The check of a payment provider's {@value #HEADER} header, the scheme Stripe uses for webhooks:
 * {@code t=<unix seconds>,v1=<hex HMAC-SHA256 of "t.rawBody">[,v1=...]}. The timestamp is inside the signed bytes, so
 * it cannot be moved forward to replay an old notification; the tolerance bounds how old a valid one may be.
 * Several {@code v1} values are allowed because a provider rotating its secret signs with both.
 */
public final class PaymentSignature {

    public static final String HEADER = "Payment-Signature";
    private static final String ALGORITHM = "HmacSHA256";
    private static final int MAX_HEADER_LENGTH = 1024;
    private static final HexFormat HEX = HexFormat.of();

    private final List<SecretKeySpec> secrets;
    private final Duration tolerance;
    private final Clock clock;

    PaymentSignature(PaymentSigningProperties properties, Clock clock) {
        this.secrets = properties.signingSecrets().stream()
                .map(secret -> new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM))
                .toList();
        this.tolerance = properties.signatureTolerance();
        this.clock = clock;
    }

    /** Why the notification is not accepted as the provider's, or empty when one of its signatures is ours. */
    Optional<String> refusal(String header, byte[] body) {
        if (header == null || header.isBlank()) {
            return Optional.of("the notification is not signed: the " + HEADER + " header is missing");
        }
        if (header.length() > MAX_HEADER_LENGTH) {
            return Optional.of("the " + HEADER + " header is too long");
        }
        Long timestamp = null;
        List<byte[]> signatures = new ArrayList<>();
        for (String part : header.split(",")) {
            int equals = part.indexOf('=');
            if (equals < 0) {
                continue;
            }
            String key = part.substring(0, equals).strip();
            String value = part.substring(equals + 1).strip();
            if (key.equals("t")) {
                timestamp = parseSeconds(value);
            } else if (key.equals("v1")) {
                parseHex(value).ifPresent(signatures::add);
            }
        }
        if (timestamp == null || signatures.isEmpty()) {
            return Optional.of("the " + HEADER + " header must be t=<unix seconds>,v1=<hex HMAC-SHA256>");
        }
        Instant signedAt = Instant.ofEpochSecond(timestamp);
        Instant now = clock.instant();
        if (Duration.between(signedAt, now).abs().compareTo(tolerance) > 0) {
            return Optional.of("the signature's timestamp is more than " + tolerance.toSeconds()
                    + " seconds away from now: a stale or replayed notification");
        }
        byte[] signedBytes = signedBytes(timestamp, body);
        for (SecretKeySpec secret : secrets) {
            byte[] expected = hmac(secret, signedBytes);
            for (byte[] candidate : signatures) {
                // Constant time: a comparison that stops at the first wrong byte tells an attacker how far they got.
                if (MessageDigest.isEqual(expected, candidate)) {
                    return Optional.empty();
                }
            }
        }
        return Optional.of("no signature in the " + HEADER + " header matches the body");
    }

    /** What a provider sends, for tests and for the README's examples: the header value for this body at this time. */
    static String sign(String secret, long unixSeconds, byte[] body) {
        var key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM);
        return "t=" + unixSeconds + ",v1=" + HEX.formatHex(hmac(key, signedBytes(unixSeconds, body)));
    }

    private static byte[] signedBytes(long timestamp, byte[] body) {
        byte[] prefix = (timestamp + ".").getBytes(StandardCharsets.US_ASCII);
        byte[] signed = new byte[prefix.length + body.length];
        System.arraycopy(prefix, 0, signed, 0, prefix.length);
        System.arraycopy(body, 0, signed, prefix.length, body.length);
        return signed;
    }

    private static byte[] hmac(SecretKeySpec key, byte[] bytes) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return mac.doFinal(bytes);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    private static @Nullable Long parseSeconds(String value) {
        // At most 12 digits: well past year 30000, and never a number that overflows Instant.
        if (value.isEmpty() || value.length() > 12 || !value.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return null;
        }
        return Long.parseLong(value);
    }

    private static Optional<byte[]> parseHex(String value) {
        if (value.length() != 64) {
            return Optional.empty();
        }
        try {
            return Optional.of(HEX.parseHex(value));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
