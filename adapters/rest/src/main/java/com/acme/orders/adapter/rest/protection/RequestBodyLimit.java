package com.acme.orders.adapter.rest.protection;

import com.acme.orders.adapter.rest.problem.FilterProblems;
import com.acme.orders.adapter.rest.problem.ProblemType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Refuses request bodies above {@code orders.http.max-body-size} with a 413 problem, for every path.
 *
 * <p>Two ways in, two checks. A declared {@code Content-Length} above the limit is refused here, before a byte is read.
 * A chunked body has no length up front, so its stream is wrapped and fails with {@link BodyTooLarge} as soon as the
 * reader passes the limit; {@link BodyTooLargeProblems} turns that into the same 413. Registered by
 * {@link RequestBodyLimitConfiguration}.
 */
class RequestBodyLimit extends OncePerRequestFilter {

    private final long limit;
    private final JsonMapper json;

    RequestBodyLimit(long limit, JsonMapper json) {
        this.limit = limit;
        this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getContentLengthLong() > limit) {
            // Answered here: the request never reaches Spring MVC, so the advice cannot write this one.
            FilterProblems.write(
                    request, response, ProblemType.BODY_TOO_LARGE.problem(new BodyTooLarge(limit).getMessage()), json);
            return;
        }
        chain.doFilter(new CappedRequest(request, limit), response);
    }

    private static final class CappedRequest extends HttpServletRequestWrapper {

        private final long limit;
        private @Nullable ServletInputStream body;

        CappedRequest(HttpServletRequest request, long limit) {
            super(request);
            this.limit = limit;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (body == null) {
                body = new CappedInputStream(super.getInputStream(), limit);
            }
            return body;
        }

        @Override
        public BufferedReader getReader() throws IOException {
            String encoding = getCharacterEncoding();
            Charset charset = encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding);
            return new BufferedReader(new InputStreamReader(getInputStream(), charset));
        }
    }

    /** Counts what the reader takes; every read method of InputStream ends in one of the two overridden here. */
    private static final class CappedInputStream extends ServletInputStream {

        private final ServletInputStream in;
        private final long limit;
        private long read;

        CappedInputStream(ServletInputStream in, long limit) {
            this.in = in;
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int next = in.read();
            if (next >= 0) {
                count(1);
            }
            return next;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = in.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) throws BodyTooLarge {
            read += n;
            if (read > limit) {
                throw new BodyTooLarge(limit);
            }
        }

        @Override
        public boolean isFinished() {
            return in.isFinished();
        }

        @Override
        public boolean isReady() {
            return in.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            in.setReadListener(listener);
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }
}
