package com.acme.orders.adapter.postgres.outbox;

import org.jspecify.annotations.Nullable;

/**
 * The trace the current thread works in, as a W3C {@code traceparent} header, stored with each event it raises so that
 * the relay, later and on another thread, can send it on. An interface of this adapter, not a port: tracing is how the
 * service is operated, not something a use case decides, and the wiring supplies it from whatever tracer runs.
 */
@FunctionalInterface
public interface CurrentTrace {

    /** Where no tracer runs: events are stored without a trace. */
    CurrentTrace NONE = () -> null;

    /** {@code 00-<32 hex trace id>-<16 hex span id>-<2 hex flags>}, or null outside any trace. */
    @Nullable
    String traceparent();
}
