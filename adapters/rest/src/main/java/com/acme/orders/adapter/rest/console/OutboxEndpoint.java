package com.acme.orders.adapter.rest.console;

import com.acme.orders.application.outbox.InspectOutbox;
import com.acme.orders.application.outbox.RequeueParkedEvent;
import java.net.URI;
import java.util.List;
import org.jmolecules.architecture.hexagonal.PrimaryAdapter;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;
import org.springframework.boot.actuate.endpoint.web.WebEndpointResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;

/**
 * {@code GET /actuator/outbox} on the management port: the events waiting to be published, the age of the oldest, and
 * the parked ones with their last error. {@code POST /actuator/outbox/{position}} with {@code {"reason": "..."}}
 * requeues a parked event.
 *
 * <p>The reason is required, and with it a JSON body: a page on another site that the operator's browser opens can
 * send a form to the management port, but not JSON without the port's consent (a CORS preflight it never gives), so it
 * cannot requeue anything.
 */
@Endpoint(id = "outbox")
@PrimaryAdapter
public class OutboxEndpoint {

    static final String NOT_PARKED = "/problems/event-not-parked";

    private final InspectOutbox outbox;
    private final RequeueParkedEvent requeue;

    public OutboxEndpoint(InspectOutbox outbox, RequeueParkedEvent requeue) {
        this.outbox = outbox;
        this.requeue = requeue;
    }

    @ReadOperation
    public Outbox outbox() {
        var report = outbox.inspect();
        return new Outbox(
                report.backlog().waiting(),
                report.oldestWaitingAge().toMillis() / 1000.0,
                report.backlog().parked(),
                report.parked().stream()
                        .map(it -> new ParkedEvent(
                                it.position(),
                                it.eventId().toString(),
                                it.orderId(),
                                it.type(),
                                it.storedAt().toString(),
                                it.attempts(),
                                it.parkedAt().toString(),
                                it.lastError()))
                        .toList());
    }

    @WriteOperation
    public WebEndpointResponse<Object> requeue(@Selector long position, String reason) {
        if (requeue.requeue(position, reason)) {
            return new WebEndpointResponse<>(new Requeued(position), WebEndpointResponse.STATUS_OK);
        }
        var problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.NOT_FOUND,
                "No parked event at position " + position + ": it was requeued already, published, or never parked.");
        problem.setType(URI.create(NOT_PARKED));
        problem.setTitle("Event not parked");
        return new WebEndpointResponse<>(
                problem, WebEndpointResponse.STATUS_NOT_FOUND, MediaType.APPLICATION_PROBLEM_JSON);
    }

    /**
     * @param waiting          events waiting to be published, parked ones excluded
     * @param oldestWaitingSeconds how long the oldest waiting event has waited; zero when none waits
     * @param parkedCount      all parked events; {@code parked} lists the oldest hundred
     */
    public record Outbox(long waiting, double oldestWaitingSeconds, long parkedCount, List<ParkedEvent> parked) {}

    public record ParkedEvent(
            long position,
            String eventId,
            String orderId,
            String type,
            String storedAt,
            int attempts,
            String parkedAt,
            String lastError) {}

    public record Requeued(long requeued) {}
}
