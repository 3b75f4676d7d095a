package com.acme.orders.adapter.rest.security;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

/** What a customer's identity provider and a payment provider would send, made with the test context's secrets. */
public final class TestCredentials {

    /** The same values as src/test/resources/rest-adapter-test.properties. */
    public static final String TOKEN_SECRET = "test-customer-token-secret-of-at-least-32-bytes";

    public static final String PAYMENT_SECRET = "test-payment-signing-secret-of-32-bytes-or-more";
    public static final String PREVIOUS_PAYMENT_SECRET = "test-previous-payment-signing-secret-32b+";

    private TestCredentials() {}

    /** A token for {@code customer}, issued now and valid for an hour. */
    public static String bearer(String customer, Instant now) {
        return "Bearer " + token(TOKEN_SECRET, customer, now, now.plus(Duration.ofHours(1)));
    }

    public static String token(String secret, String customer, Instant issuedAt, Instant expiresAt) {
        var key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
        var encoder = NimbusJwtEncoder.withSecretKey(key).build();
        var claims = JwtClaimsSet.builder()
                .subject(customer)
                .issuedAt(issuedAt)
                .expiresAt(expiresAt)
                .build();
        return encoder.encode(JwtEncoderParameters.from(
                        JwsHeader.with(MacAlgorithm.HS256).build(), claims))
                .getTokenValue();
    }

    /**
     * A token of exactly these claims, as JSON text, signed with the test secret: for claims of a type no JWT library
     * would write.
     */
    public static String tokenOfClaims(String claimsJson) {
        var encoder = Base64.getUrlEncoder().withoutPadding();
        String signingInput = encoder.encodeToString("{\"alg\":\"HS256\"}".getBytes(StandardCharsets.UTF_8)) + "."
                + encoder.encodeToString(claimsJson.getBytes(StandardCharsets.UTF_8));
        try {
            var mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(TOKEN_SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return signingInput + "."
                    + encoder.encodeToString(mac.doFinal(signingInput.getBytes(StandardCharsets.US_ASCII)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The Payment-Signature header a provider holding the current secret sends with {@code body} at {@code now}. */
    public static String paymentSignature(String body, Instant now) {
        return paymentSignature(body.getBytes(StandardCharsets.UTF_8), now);
    }

    public static String paymentSignature(byte[] body, Instant now) {
        return PaymentSignature.sign(PAYMENT_SECRET, now.getEpochSecond(), body);
    }
}
