package com.acme.orders.adapter.postgres.change;

import java.time.Instant;
import java.util.Optional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The database's clock as the statement that locked an order read it ({@code clock_timestamp()} beside the row), kept
 * for the rest of that transaction: the deadline time of a payment or a customer's cancel then costs no round trip of
 * its own (ADR 0014). It is at most as late as a reading taken after the lock, so a decision by it only ever errs the
 * safe way: an order closes later, never earlier, and a payment that reached the database in time is taken in time.
 */
final class LockTime {

    private static final Object KEY = new Object();

    private LockTime() {}

    /** Remembers {@code time} until the current transaction ends; outside a transaction, nothing to remember. */
    static void remember(Instant time) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return;
        }
        if (TransactionSynchronizationManager.hasResource(KEY)) {
            TransactionSynchronizationManager.unbindResource(KEY);
        } else {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(KEY);
                }
            });
        }
        TransactionSynchronizationManager.bindResource(KEY, time);
    }

    /** The time the current transaction's last order lock was taken at, by the database's clock. */
    static Optional<Instant> inThisTransaction() {
        return Optional.ofNullable((Instant) TransactionSynchronizationManager.getResource(KEY));
    }
}
