package com.acme.orders.adapter.rest.protection;

import com.acme.orders.adapter.rest.problem.FilterProblems;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.concurrent.Semaphore;
import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Refuses a request at once with 503 {@code service-busy} while {@code orders.http.max-requests-in-flight} requests
 * are being served already.
 *
 * <p>With virtual threads Tomcat takes every connection it accepts (up to its 8,192) and gives each its own thread, so
 * nothing else bounds the work in progress: the surplus waits in Hikari's queue for a connection, each waiter
 * holding memory and a client, until the pool's timeout turns it into a 503 anyway. Refusing the surplus here costs
 * microseconds, before a body is read, a token or signature checked, or a connection asked for; the requests let in
 * wait for a connection briefly and succeed. Registered by {@link RequestsInFlightLimitConfiguration}.
 *
 * <p>Of the requests let in, at most {@code orders.http.max-requests-working} are served at the same time; the others
 * wait their turn here, first come first served, not in Hikari's queue. The pool is shared with the timeout worker,
 * the sweeper and the outbox relay: with a hundred requests queued for a connection, a cancellation batch waited
 * behind all of them, seconds past the deadlines it was meant to keep (thread dumps of the mix benchmark in
 * docs/front-door.md). Bounding the requests below the pool size leaves the background loops connections of their own
 * however busy the front door is.
 *
 * <p>Both permits are held while the filter chain runs on the request's thread. That is the whole request for every
 * controller of this adapter, none of which answers asynchronously.
 */
class RequestsInFlightLimit extends OncePerRequestFilter {

    private final int limit;
    private final Semaphore inFlight;
    private final Semaphore working;
    private final BusyRefusals refusals;
    private final JsonMapper json;

    RequestsInFlightLimit(int limit, int workingLimit, BusyRefusals refusals, JsonMapper json) {
        this.limit = limit;
        this.inFlight = new Semaphore(limit);
        this.working = new Semaphore(Math.min(limit, workingLimit), true);
        this.refusals = refusals;
        this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!inFlight.tryAcquire()) {
            refuse(request, response, limit + " requests in flight already");
            return;
        }
        try {
            working.acquire();
        } catch (InterruptedException e) {
            inFlight.release();
            Thread.currentThread().interrupt();
            refuse(request, response, "interrupted while waiting for its turn");
            return;
        }
        try {
            chain.doFilter(request, response);
        } finally {
            working.release();
            inFlight.release();
        }
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response, String detail) throws IOException {
        var problem = refusals.refuse(Overload.TOO_MANY_REQUESTS_IN_FLIGHT, detail);
        response.setHeader(HttpHeaders.RETRY_AFTER, BusyRefusals.RETRY_AFTER_SECONDS);
        FilterProblems.write(request, response, problem, json);
    }
}
