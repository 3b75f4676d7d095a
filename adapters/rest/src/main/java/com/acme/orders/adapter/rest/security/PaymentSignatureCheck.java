package com.acme.orders.adapter.rest.security;

import com.acme.orders.adapter.rest.problem.FilterProblems;
import com.acme.orders.adapter.rest.problem.ProblemType;
import com.acme.orders.adapter.rest.protection.BodyTooLarge;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Lets a payment notification through only when its {@link PaymentSignature} is valid; anything else is answered
 * 401 before the controller, so an unsigned, forged or stale call writes nothing.
 *
 * <p>The signature covers the raw bytes, not the JSON they parse to (two texts can parse alike), so the body is read
 * here once and handed on in a wrapper for the controller to parse. The body limit of the protection package
 * ({@code RequestBodyLimit}) runs first, so reading it all cannot exhaust memory. Guards every path under
 * {@value #PATH}, matched on the raw URI so that no spelling of the path (a trailing segment, a {@code ;} parameter)
 * reaches the controller unchecked.
 */
class PaymentSignatureCheck extends OncePerRequestFilter {

    static final String PATH = "/v1/payment-notifications";

    private final PaymentSignature signature;
    private final JsonMapper json;

    PaymentSignatureCheck(PaymentSignature signature, JsonMapper json) {
        this.signature = signature;
        this.json = json;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().startsWith(PATH);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        byte[] body;
        try {
            body = request.getInputStream().readAllBytes();
        } catch (BodyTooLarge e) {
            FilterProblems.write(request, response, ProblemType.BODY_TOO_LARGE.problem(e.getMessage()), json);
            return;
        }
        var refusal = signature.refusal(request.getHeader(PaymentSignature.HEADER), body);
        if (refusal.isPresent()) {
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, PaymentSignature.HEADER);
            FilterProblems.write(request, response, ProblemType.UNSIGNED_NOTIFICATION.problem(refusal.get()), json);
            return;
        }
        chain.doFilter(new ReadBody(request, body), response);
    }

    /** The request with the body already read, so the controller can read it again. */
    private static final class ReadBody extends HttpServletRequestWrapper {

        private final byte[] body;

        ReadBody(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            var in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] buffer, int offset, int length) {
                    return in.read(buffer, offset, length);
                }

                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("the body is already read; no asynchronous reading");
                }
            };
        }

        @Override
        public BufferedReader getReader() {
            String encoding = getCharacterEncoding();
            Charset charset = encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding);
            return new BufferedReader(new InputStreamReader(getInputStream(), charset));
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }
    }
}
