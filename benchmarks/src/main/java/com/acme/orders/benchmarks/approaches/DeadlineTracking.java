package com.acme.orders.benchmarks.approaches;

import com.acme.orders.application.deadline.port.PendingDeadline;
import java.util.List;

/**
 * What placing unpaid orders writes outside the orders table for one approach (the deadline index entry, a key with
 * a time to live, a delayed-queue element, or nothing), written by the driver in bulk for the orders it seeds straight
 * into PostgreSQL. It runs in the driver's JVM, before the service under measurement starts or while it runs.
 */
public interface DeadlineTracking extends AutoCloseable {

    void track(List<PendingDeadline> orders);

    @Override
    void close();
}
