package com.acme.orders.application.change.port;

import java.util.function.Supplier;
import org.jmolecules.architecture.hexagonal.SecondaryPort;

/** The boundary of one use case: everything in {@code work} is committed together or not at all. */
@SecondaryPort
public interface Transactions {

    <T> T inTransaction(Supplier<T> work);
}
