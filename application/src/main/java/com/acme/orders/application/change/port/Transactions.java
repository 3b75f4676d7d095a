package com.acme.orders.application.change.port;

import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;
import org.jmolecules.architecture.hexagonal.SecondaryPort;

/** The boundary of one use case: everything in {@code work} is committed together or not at all. */
@SecondaryPort
public interface Transactions {

    <T> T inTransaction(Supplier<T> work);

    /**
     * Whether {@code failure} says the database cannot be reached at all (no connection, the server going away), as
     * opposed to refusing one piece of work: a batch that failed for that reason fails the same way split in parts.
     */
    default boolean isUnavailable(RuntimeException failure) {
        return false;
    }

    /**
     * The time by the database's clock, read inside the current transaction: the one clock every instance shares and
     * the one that stamps the commits. An instance whose own clock runs fast must not act on a deadline before it
     * passed by this one. Empty where there is no database (the fakes of the tests), and then the caller's clock rules.
     */
    default Optional<Instant> databaseTime() {
        return Optional.empty();
    }
}
