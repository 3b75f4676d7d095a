package com.acme.orders.adapter.rest.console;

import com.acme.orders.application.deadline.InspectDeadlines;
import java.util.List;
import org.jmolecules.architecture.hexagonal.PrimaryAdapter;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;

/**
 * {@code GET /actuator/deadlines} on the management port: what the timeout worker has ahead of it (unpaid orders due
 * minute by minute over the next hour, those overdue), the state of the deadline index, and the cancellation lag of
 * the last fifteen minutes on this instance. The operator's console draws it; the README documents it.
 */
@Endpoint(id = "deadlines")
@PrimaryAdapter
public class DeadlinesEndpoint {

    private final InspectDeadlines deadlines;
    private final CancellationLagHistory lags;

    public DeadlinesEndpoint(InspectDeadlines deadlines, CancellationLagHistory lags) {
        this.deadlines = deadlines;
        this.lags = lags;
    }

    @ReadOperation
    public Deadlines deadlines() {
        var report = deadlines.inspect();
        var forecast = report.forecast();
        var index = report.index();
        return new Deadlines(
                report.asOf().toString(),
                InspectDeadlines.SLOT.toSeconds(),
                forecast.due(),
                forecast.overdue(),
                forecast.overdueInProgress(),
                forecast.inProgress(),
                new Index(
                        index.tracked().orElse(null),
                        index.rebuiltAt().map(Object::toString).orElse(null),
                        index.problem().orElse(null)),
                new Lag(
                        lags.recorded(),
                        CancellationLagHistory.WINDOW.toSeconds(),
                        lags.windows().stream()
                                .map(it -> new LagWindow(
                                        it.endedAt().toString(), it.cancelled(), it.meanMillis(), it.p99Millis()))
                                .toList()));
    }

    /**
     * @param dueBySlot   unpaid orders due in each slot of {@code slotSeconds} from {@code asOf}, from the database
     * @param overdue     unpaid orders past their deadline (waiting for the worker, a payment in progress or the
     *                    settlement grace)
     * @param overdueHeld of those, the ones a payment in progress holds open
     * @param paymentsInProgress payments in progress of the orders overdue or due within the hour
     */
    public record Deadlines(
            String asOf,
            long slotSeconds,
            List<Long> dueBySlot,
            long overdue,
            long overdueHeld,
            long paymentsInProgress,
            Index index,
            Lag lag) {}

    /**
     * @param tracked   orders in the Redis index; null when it cannot be read ({@code problem} says why)
     * @param rebuiltAt when the index last held every unpaid order; null while it does not (lost, being rebuilt)
     */
    public record Index(
            @Nullable Long tracked,
            @Nullable String rebuiltAt,
            @Nullable String problem) {}

    /** @param recordedHere false when this instance runs no timeout worker, so its windows stay empty */
    public record Lag(boolean recordedHere, long windowSeconds, List<LagWindow> windows) {}

    public record LagWindow(String endedAt, long cancelled, double meanMillis, double p99Millis) {}
}
