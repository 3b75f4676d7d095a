package com.acme.orders.adapter.rest.protection;

import com.acme.orders.adapter.rest.problem.FilterProblems;
import com.acme.orders.adapter.rest.problem.ProblemType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Refuses, before anything reads it, a request the service would otherwise read differently from how it was meant:
 *
 * <ul>
 *   <li>a method HTTP does not define for this API (405 with {@code Allow}), rather than the servlet container's 501;
 *   <li>a {@code Content-Encoding} other than {@code identity} (415): the service decodes none, and reading a gzipped
 *       body as if it were plain, or a plain body labelled gzip, is a guess either way;
 *   <li>a declared charset other than UTF-8 (415): JSON between systems is UTF-8 (RFC 8259), and the signature of a
 *       payment notification covers bytes, not characters.
 * </ul>
 *
 * Registered by {@link RequestBodyLimitConfiguration}, ahead of every filter that reads a body.
 */
class UnsupportedRequests extends OncePerRequestFilter {

    static final String ALLOWED_METHODS = "GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS";

    private static final Set<String> METHODS = Set.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS");

    private final JsonMapper json;

    UnsupportedRequests(JsonMapper json) {
        this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!METHODS.contains(request.getMethod())) {
            var problem = ProblemDetail.forStatusAndDetail(
                    HttpStatus.METHOD_NOT_ALLOWED, "this API has no method " + printable(request.getMethod()));
            problem.setType(URI.create("about:blank"));
            response.setHeader(HttpHeaders.ALLOW, ALLOWED_METHODS);
            FilterProblems.write(request, response, problem, json);
            return;
        }
        String encoding = request.getHeader(HttpHeaders.CONTENT_ENCODING);
        if (encoding != null && !encoding.strip().equalsIgnoreCase("identity")) {
            refuse(request, response, "the body must not be encoded: this API decodes no Content-Encoding");
            return;
        }
        String contentType = request.getContentType();
        if (contentType != null && !declaresUtf8OrNothing(contentType)) {
            refuse(request, response, "the body must be UTF-8: the declared charset is not");
            return;
        }
        chain.doFilter(request, response);
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response, String detail) throws IOException {
        FilterProblems.write(request, response, ProblemType.UNSUPPORTED_BODY.problem(detail), json);
    }

    /** A content type that cannot be parsed is left to Spring MVC, which answers it with its own 415. */
    private static boolean declaresUtf8OrNothing(String contentType) {
        Charset charset;
        try {
            charset = MediaType.parseMediaType(contentType).getCharset();
        } catch (RuntimeException unparseableOrUnknownCharset) {
            return !contentType.toLowerCase(Locale.ROOT).contains("charset");
        }
        return charset == null || charset.equals(StandardCharsets.UTF_8);
    }

    /** A method is a token of visible ASCII; anything else is not echoed back. */
    private static String printable(String method) {
        return method.length() <= 20 && method.chars().allMatch(c -> c > 32 && c < 127) ? method : "of that name";
    }
}
