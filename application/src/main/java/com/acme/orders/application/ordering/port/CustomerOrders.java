package com.acme.orders.application.ordering.port;

import com.acme.orders.domain.CustomerId;
import com.acme.orders.domain.Order;
import com.acme.orders.domain.OrderId;
import com.acme.orders.domain.OrderStatus;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jmolecules.architecture.hexagonal.SecondaryPort;

/** A customer's orders, as the customer lists them. */
@SecondaryPort
public interface CustomerOrders {

    /** One page of a customer's orders, newest first, starting after {@code after} when given. */
    List<Order> listOfCustomer(
            CustomerId customer, Optional<OrderStatus> status, Optional<OrderCursor> after, int limit);

    /** Ids of the customer's orders still stored as unpaid although their deadline has passed. */
    List<OrderId> overdueOfCustomer(CustomerId customer, Instant now, int limit);

    /** A position in a customer's order list: the order it follows. */
    record OrderCursor(Instant createdAt, OrderId orderId) {}
}
