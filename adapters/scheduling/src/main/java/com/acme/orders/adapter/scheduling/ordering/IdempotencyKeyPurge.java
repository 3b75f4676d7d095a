package com.acme.orders.adapter.scheduling.ordering;

import com.acme.orders.adapter.scheduling.loop.LoopLifecycle;
import com.acme.orders.adapter.scheduling.loop.PeriodicLoop;
import com.acme.orders.application.ordering.ForgetIdempotencyKeys;
import java.time.Duration;
import org.jmolecules.architecture.hexagonal.PrimaryAdapter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Forgets idempotency keys past their retention, on its own thread. Every instance runs one; two meeting on the same
 * keys delete each key once.
 */
@PrimaryAdapter
public final class IdempotencyKeyPurge extends LoopLifecycle {

    private static final Logger log = LoggerFactory.getLogger(IdempotencyKeyPurge.class);

    private final PeriodicLoop loop;

    public IdempotencyKeyPurge(ForgetIdempotencyKeys forget, Duration retention, Duration interval) {
        this.loop = new PeriodicLoop("idempotency-key-purge", interval, () -> {
            int forgotten = forget.forgetOlderThan(retention);
            if (forgotten > 0) {
                log.info("Forgot {} idempotency keys claimed more than {} ago", forgotten, retention);
            }
        });
    }

    @Override
    protected PeriodicLoop loop() {
        return loop;
    }
}
