package com.acme.orders.adapter.rest.security;

import java.util.Base64;
import java.util.Map;
import java.util.function.Predicate;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Refuses a token whose registered claims (RFC 7519, section 4.1) have the wrong JSON type. The JWT library turns a
 * numeric {@code sub} into text, so {@code "sub":12345} would be customer {@code "12345"} here while another reader of
 * the same token (a gateway, an audit log) sees a number or nothing: one token, one reading. The claims are read from
 * the token's own bytes, as the library keeps no types, and before its signature is checked, so that the answer names
 * the claim whatever else the library would have said; the types are a public rule, naming them tells a forger nothing.
 */
final class TypedClaims implements JwtDecoder {

    private static final Map<String, Predicate<JsonNode>> TYPES = Map.of(
            "iss", JsonNode::isString,
            "sub", JsonNode::isString,
            "jti", JsonNode::isString,
            "aud", TypedClaims::isAudience,
            "exp", JsonNode::isNumber,
            "nbf", JsonNode::isNumber,
            "iat", JsonNode::isNumber);

    private static final Map<String, String> EXPECTED = Map.of(
            "iss", "a string",
            "sub", "a string",
            "jti", "a string",
            "aud", "a string or an array of strings",
            "exp", "a number",
            "nbf", "a number",
            "iat", "a number");

    private final JwtDecoder decoder;
    private final JsonMapper json;

    TypedClaims(JwtDecoder decoder, JsonMapper json) {
        this.decoder = decoder;
        this.json = json;
    }

    @Override
    public Jwt decode(String token) throws JwtException {
        JsonNode claims = claimsAsSent(token);
        TYPES.forEach((claim, isRightType) -> {
            JsonNode value = claims.get(claim);
            if (value != null && !isRightType.test(value)) {
                throw new MistypedClaim("the token's '" + claim + "' claim must be " + EXPECTED.get(claim));
            }
        });
        return decoder.decode(token);
    }

    private JsonNode claimsAsSent(String token) {
        String[] parts = token.split("\\.", -1);
        try {
            JsonNode claims = json.readTree(Base64.getUrlDecoder().decode(parts[1]));
            if (claims.isObject()) {
                return claims;
            }
        } catch (IllegalArgumentException | ArrayIndexOutOfBoundsException | JacksonException unreadable) {
            // Not a signed JWT of readable JSON: the decoder refuses it and says so.
        }
        return json.createObjectNode();
    }

    private static boolean isAudience(JsonNode audience) {
        if (audience.isString()) {
            return true;
        }
        if (!audience.isArray()) {
            return false;
        }
        for (JsonNode member : audience) {
            if (!member.isString()) {
                return false;
            }
        }
        return true;
    }

    /** A claim of the wrong type: the one refusal of a token whose answer says exactly what is wrong. */
    static final class MistypedClaim extends BadJwtException {
        MistypedClaim(String message) {
            super(message);
        }
    }
}
