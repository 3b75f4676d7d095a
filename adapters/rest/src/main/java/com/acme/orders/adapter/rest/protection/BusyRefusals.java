package com.acme.orders.adapter.rest.protection;

import com.acme.orders.adapter.rest.problem.FailureAnswer;
import com.acme.orders.adapter.rest.problem.ProblemResponses;
import com.acme.orders.adapter.rest.problem.ProblemType;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.WebRequest;

/**
 * The 503 {@code service-busy} answer of an overloaded service, given by {@link ProblemResponses} through this
 * {@link FailureAnswer} (the database is saturated) and by {@link RequestsInFlightLimit} (too many requests at once),
 * and what an operator sees of it.
 *
 * <p>Under overload this answer goes out thousands of times a second. So each one is counted
 * ({@value #COUNTER}, tagged with the {@link Overload} as {@code reason}), and the log gets at most one WARN line per
 * {@link #REPORT_INTERVAL}, without a stack trace, saying how many requests were refused since the previous line and
 * why the latest was. A stack trace per refusal would spend the CPU the service lacks and bury the rest of the log.
 */
@Component
public class BusyRefusals implements FailureAnswer {

    static final String COUNTER = "orders.http.busy.refusals";
    /**
     * A saturated pool frees a connection within milliseconds once a burst passes. Payment providers add their own
     * backoff on top, so a second is short enough for a customer and does not bring the same burst straight back.
     */
    static final String RETRY_AFTER_SECONDS = "1";

    static final Duration REPORT_INTERVAL = Duration.ofSeconds(10);

    private static final Logger log = LoggerFactory.getLogger(BusyRefusals.class);

    private final Clock clock;
    private final Map<Overload, Counter> counters = new EnumMap<>(Overload.class);
    private final LongAdder sinceLastReport = new LongAdder();
    private final AtomicLong lastReport;
    private final AtomicLong nextReport = new AtomicLong(Long.MIN_VALUE);

    @Autowired
    BusyRefusals(Clock clock, ObjectProvider<MeterRegistry> meters) {
        this(clock, meters.getIfAvailable(SimpleMeterRegistry::new));
    }

    BusyRefusals(Clock clock, MeterRegistry meters) {
        this.clock = clock;
        this.lastReport = new AtomicLong(clock.millis());
        for (Overload overload : Overload.values()) {
            counters.put(
                    overload,
                    Counter.builder(COUNTER)
                            .description("Requests answered 503 service-busy, by the overload that refused them")
                            .tag("reason", overload.tag())
                            .register(meters));
        }
    }

    /**
     * Counts a refusal and returns its problem; the caller adds a {@code Retry-After} of {@link #RETRY_AFTER_SECONDS}.
     *
     * @param evidence what the log says about the cause (an exception's message, a number): never shown to the client
     */
    ProblemDetail refuse(Overload overload, String evidence) {
        Objects.requireNonNull(counters.get(overload), "every overload has its counter")
                .increment();
        sinceLastReport.increment();
        report(overload, evidence);
        return ProblemType.SERVICE_BUSY.problem(
                "the service is too busy to answer now; retry after " + RETRY_AFTER_SECONDS + " s");
    }

    /**
     * A failure whose cause says the database is overloaded (see {@link Overload}) is answered busy, with a
     * {@code Retry-After}; any other failure is not this class's to answer.
     */
    @Override
    public Optional<ResponseEntity<Object>> answer(Exception failure, WebRequest request) {
        return Overload.causing(failure).map(overload -> {
            var problem = refuse(
                    overload,
                    request.getDescription(false) + ": " + NestedExceptionUtils.getMostSpecificCause(failure));
            return ResponseEntity.status(problem.getStatus())
                    .header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS)
                    .body(problem);
        });
    }

    /** Whoever moves {@code nextReport} on writes the line; every other refusal of the interval is only counted. */
    private void report(Overload overload, String evidence) {
        long now = clock.millis();
        long due = nextReport.get();
        if (now < due || !nextReport.compareAndSet(due, now + REPORT_INTERVAL.toMillis())) {
            return;
        }
        long refused = sinceLastReport.sumThenReset();
        long since = lastReport.getAndSet(now);
        log.warn(
                "Answered 503 service-busy to {} request(s) in the last {} ms; the latest was refused for {}: {}",
                refused,
                now - since,
                overload.tag(),
                evidence);
    }
}
