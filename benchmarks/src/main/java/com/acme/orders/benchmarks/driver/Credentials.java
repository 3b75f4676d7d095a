package com.acme.orders.benchmarks.driver;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The secrets the benchmark gives the service under measurement, and what clients make of them: a customer's bearer
 * token (HS256) and a payment provider's {@code Payment-Signature}, exactly as the README's shell functions do.
 */
public final class Credentials {

    public static final String TOKEN_SECRET = "benchmark-token-secret-of-at-least-32-bytes";
    public static final String PAYMENT_SECRET = "benchmark-payment-signing-secret";

    private Credentials() {}

    public static String customerToken(String customer) {
        var url = Base64.getUrlEncoder().withoutPadding();
        String header = url.encodeToString("{\"alg\":\"HS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        String claims = url.encodeToString(
                ("{\"sub\":\"" + customer + "\",\"exp\":" + (System.currentTimeMillis() / 1000 + 3600) + "}")
                        .getBytes(StandardCharsets.UTF_8));
        String signed = header + "." + claims;
        return signed + "." + url.encodeToString(hmac(TOKEN_SECRET, signed));
    }

    public static String paymentSignature(String body) {
        long t = System.currentTimeMillis() / 1000;
        return "t=" + t + ",v1=" + HexFormat.of().formatHex(hmac(PAYMENT_SECRET, t + "." + body));
    }

    private static byte[] hmac(String secret, String text) {
        try {
            var mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac.doFinal(text.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
