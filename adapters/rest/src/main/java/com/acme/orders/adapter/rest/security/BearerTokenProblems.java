package com.acme.orders.adapter.rest.security;

import com.acme.orders.adapter.rest.problem.FilterProblems;
import com.acme.orders.adapter.rest.problem.ProblemType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.oauth2.server.resource.web.access.BearerTokenAccessDeniedHandler;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import tools.jackson.databind.json.JsonMapper;

/**
 * Spring Security's answers to a missing or bad bearer token, as problem details. Spring's own handlers set the
 * status and the {@code WWW-Authenticate: Bearer ...} header (RFC 6750); this adds the body every other error of the
 * API has. The detail does not say what exactly was wrong with a token, so a forger learns nothing from it; only a claim of the
 * wrong type in a token that is properly signed is named ({@link TypedClaims}).
 */
final class BearerTokenProblems implements AuthenticationEntryPoint, AccessDeniedHandler {

    private final BearerTokenAuthenticationEntryPoint entryPoint = new BearerTokenAuthenticationEntryPoint();
    private final BearerTokenAccessDeniedHandler accessDenied = new BearerTokenAccessDeniedHandler();
    private final JsonMapper json;

    BearerTokenProblems(JsonMapper json) {
        this.json = json;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        entryPoint.commence(request, response, e);
        String detail;
        if (e.getCause() instanceof TypedClaims.MistypedClaim mistyped) {
            detail = "the bearer token is not valid: " + mistyped.getMessage();
        } else if (e instanceof InvalidBearerTokenException) {
            detail = "the bearer token is not valid: it is expired, not signed by a key we trust, or malformed";
        } else {
            detail = "the request does not say which customer sends it: send Authorization: Bearer <token>";
        }
        FilterProblems.write(request, response, ProblemType.UNIDENTIFIED_CUSTOMER.problem(detail), json);
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
            throws IOException {
        accessDenied.handle(request, response, e);
        FilterProblems.write(request, response, ProblemType.ACCESS_DENIED.problem("this token may not do that"), json);
    }
}
