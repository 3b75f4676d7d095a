package com.acme.orders.application.fakes;

import com.acme.orders.application.change.port.Transactions;
import java.util.function.Supplier;

/** Runs the work as it comes; counts how many transactions were opened so a test can see the boundaries. */
public class DirectTransactions implements Transactions {

    private int opened;

    @Override
    public synchronized <T> T inTransaction(Supplier<T> work) {
        opened++;
        return work.get();
    }

    public synchronized int opened() {
        return opened;
    }
}
