package com.acme.orders.adapter.rest.security;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How payment providers prove a notification comes from them ({@code orders.payments.*}).
 *
 * @param signingSecrets     the shared secrets a {@code Payment-Signature} may be computed with. More than one is valid
 *                           at once so a secret can be rotated without downtime: add the new one, let the provider
 *                           switch, remove the old one. Required: without a secret anyone could mark orders paid
 * @param signatureTolerance how far the signed timestamp may be from our clock, either way. Five minutes (Stripe's
 *                           default) covers clock drift and a provider's retry queue, and bounds how long a captured
 *                           notification could be replayed
 */
@ConfigurationProperties("orders.payments")
public record PaymentSigningProperties(
        List<String> signingSecrets, @DefaultValue("300s") Duration signatureTolerance) {

    /** 256 bits, the strength of HMAC-SHA256 itself; a shorter secret is the weakest link. */
    static final int MIN_SECRET_BYTES = 32;

    public PaymentSigningProperties {
        if (signingSecrets == null || signingSecrets.isEmpty()) {
            throw new IllegalArgumentException("orders.payments.signing-secrets needs at least one secret: "
                    + "unsigned payment notifications are never accepted");
        }
        for (String secret : signingSecrets) {
            if (secret == null || secret.getBytes(StandardCharsets.UTF_8).length < MIN_SECRET_BYTES) {
                throw new IllegalArgumentException(
                        "every orders.payments.signing-secrets entry has at least " + MIN_SECRET_BYTES + " bytes");
            }
        }
        signingSecrets = List.copyOf(signingSecrets);
        if (signatureTolerance == null || !signatureTolerance.isPositive()) {
            throw new IllegalArgumentException(
                    "orders.payments.signature-tolerance must be positive, got " + signatureTolerance);
        }
    }
}
