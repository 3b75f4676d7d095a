package com.acme.orders.application.port;

import com.acme.orders.domain.OrderId;
import java.time.Instant;
import org.jmolecules.architecture.hexagonal.SecondaryPort;

/**
 * Unpaid orders by payment deadline, so that the timeout worker finds the due ones without scanning the table.
 * Written after the order's transaction commits and only ever a hint: the database decides. An implementation never
 * throws on a failed write (it counts it); the sweeper repairs whatever the index missed, so the customer's request
 * must not fail because of it.
 */
@SecondaryPort
public interface DeadlineIndex {

    void track(OrderId order, Instant deadline);

    void forget(OrderId order);
}
