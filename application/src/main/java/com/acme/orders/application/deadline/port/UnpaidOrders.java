package com.acme.orders.application.deadline.port;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jmolecules.architecture.hexagonal.SecondaryPort;

/** The database's own list of unpaid orders by deadline: what the sweeper and the rebuild of the index read. */
@SecondaryPort
public interface UnpaidOrders {

    /**
     * Unpaid orders by deadline, oldest first, strictly after {@code after} in (deadline, id) order when given, and
     * only those due at or before {@code dueBy} when given. Keyset paging: a page costs the same however deep it is.
     */
    List<PendingDeadline> unpaidByDeadline(Optional<Instant> dueBy, Optional<PendingDeadline> after, int limit);

    /**
     * Unpaid orders whose customer was not reminded yet and whose payment window is longer than
     * {@code windowLongerThan}, by deadline, strictly after {@code after} in (deadline, id) order when given, and only
     * those due after {@code dueAfter}: what the rebuild of the reminder index reads.
     */
    List<PendingDeadline> unremindedByDeadline(
            Instant dueAfter, Duration windowLongerThan, Optional<PendingDeadline> after, int limit);
}
