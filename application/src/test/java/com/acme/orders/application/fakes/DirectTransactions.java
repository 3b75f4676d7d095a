package com.acme.orders.application.fakes;

import com.acme.orders.application.change.port.Transactions;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Runs the work as it comes; counts how many transactions were opened so a test can see the boundaries. Has no
 * database clock unless a test sets one ({@link #databaseClockAt}).
 */
public class DirectTransactions implements Transactions {

    private int opened;
    private @Nullable Instant databaseTime;

    /** The database's clock from now on reads {@code time}, whatever the service's clock says. */
    public synchronized void databaseClockAt(Instant time) {
        databaseTime = time;
    }

    @Override
    public synchronized Optional<Instant> databaseTime() {
        return Optional.ofNullable(databaseTime);
    }

    @Override
    public synchronized <T> T inTransaction(Supplier<T> work) {
        opened++;
        return work.get();
    }

    public synchronized int opened() {
        return opened;
    }
}
