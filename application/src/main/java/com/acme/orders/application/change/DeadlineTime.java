package com.acme.orders.application.change;

import com.acme.orders.application.change.port.Transactions;
import java.time.Clock;
import java.time.Instant;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * The time an order's deadline is judged by whenever an order is about to close or be paid: the earlier of this
 * instance's clock and the database's, the clock every instance shares, read inside the transaction of the decision
 * (after the row lock). With its own clock alone an instance whose clock ran seconds fast closed orders seconds before
 * their deadline by every other clock: its timeout worker cancelled them (the claim trusts the caller's clock), and it
 * took payments and customers' cancels that reached it in time for late ones (the reliability run,
 * docs/reliability.md). A slow clock is harmless either way: the earlier reading is then its own, and it only ever
 * acts late, which the other instances make up for.
 */
public final class DeadlineTime {

    private final Clock clock;
    private final Transactions transactions;

    public DeadlineTime(Clock clock, Transactions transactions) {
        this.clock = clock;
        this.transactions = transactions;
    }

    /** One reading of both clocks: call it inside the decision's transaction. */
    public Instant now() {
        Instant own = clock.instant();
        Instant database = transactions.databaseTime().orElse(own);
        return database.isBefore(own) ? database : own;
    }

    /**
     * For a batch: read at the first order's decision, then reused by every other order of the batch, so a batch of
     * 500 costs one query. A batch split after a failure reuses the first reading, earlier than the truth, so it only
     * ever errs late.
     */
    public Supplier<Instant> once() {
        return new Supplier<>() {
            private @Nullable Instant read;

            @Override
            public Instant get() {
                if (read == null) {
                    read = now();
                }
                return read;
            }
        };
    }
}
