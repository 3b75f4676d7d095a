package com.acme.orders.application.deadline.port;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jmolecules.architecture.hexagonal.SecondaryPort;

/** The unpaid orders of the database by when they fall due: what the timeout worker has ahead of it. */
@SecondaryPort
public interface DeadlineForecast {

    /**
     * The unpaid orders due before {@code now + buckets * width}, counted per slot of {@code width} from {@code now},
     * and those already past their deadline.
     */
    Forecast forecast(Instant now, Duration width, int buckets);

    /**
     * @param overdue           unpaid orders past their deadline: waiting for the worker, for a payment in progress,
     *                          or for the settlement grace
     * @param overdueInProgress of {@code overdue}, those held by a payment in progress
     * @param inProgress        payments in progress of the orders overdue or due within the horizon
     * @param due               one count per slot, the first starting at {@code now}
     */
    record Forecast(long overdue, long overdueInProgress, long inProgress, List<Long> due) {}
}
