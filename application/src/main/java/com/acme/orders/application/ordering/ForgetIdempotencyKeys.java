package com.acme.orders.application.ordering;

import com.acme.orders.application.change.port.Transactions;
import com.acme.orders.application.ordering.port.IdempotencyKeys;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.jmolecules.architecture.hexagonal.PrimaryPort;

/**
 * Idempotency keys are kept for a retention period and then forgotten, so that the table holds the retries that can
 * still come and not every order ever placed: a request repeated after the retention is a new request. Forgets in
 * batches, each its own transaction, so a large backlog never holds one long transaction.
 */
@PrimaryPort
public class ForgetIdempotencyKeys {

    static final int BATCH = 1_000;

    private final IdempotencyKeys keys;
    private final Transactions transactions;
    private final Clock clock;

    public ForgetIdempotencyKeys(IdempotencyKeys keys, Transactions transactions, Clock clock) {
        this.keys = keys;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** @return how many keys claimed more than {@code retention} ago were forgotten */
    public int forgetOlderThan(Duration retention) {
        Instant cutoff = clock.instant().minus(retention);
        int forgotten = 0;
        int batch;
        do {
            batch = transactions.inTransaction(() -> keys.forgetClaimedBefore(cutoff, BATCH));
            forgotten += batch;
        } while (batch == BATCH);
        return forgotten;
    }
}
