package com.acme.orders.application.ordering.port;

import com.acme.orders.domain.OrderNumber;
import java.time.LocalDate;
import org.jmolecules.architecture.hexagonal.SecondaryPort;

/** Hands out order numbers that are never reused, across instances and restarts. */
@SecondaryPort
public interface OrderNumberSource {

    OrderNumber next(LocalDate day);
}
