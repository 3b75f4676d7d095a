package com.acme.orders.application.ordering;

import com.acme.orders.application.change.PassiveClose;
import com.acme.orders.application.ordering.port.CustomerOrders;
import com.acme.orders.application.ordering.port.CustomerOrders.OrderCursor;
import com.acme.orders.domain.CustomerId;
import com.acme.orders.domain.DomainRuleViolation;
import com.acme.orders.domain.Order;
import com.acme.orders.domain.OrderStatus;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jmolecules.architecture.hexagonal.PrimaryPort;

/**
 * A customer's orders, newest first, a page at a time. Overdue unpaid orders of the customer are closed before the
 * page is read, so that the status filter and the page agree with what a single read would show.
 */
@PrimaryPort
public class ListCustomerOrders {

    public static final int MAX_PAGE_SIZE = 100;
    /** Bounds the passive-close work a single list request can trigger; the timeout worker does the rest. */
    private static final int MAX_CLOSED_PER_REQUEST = 200;

    private final CustomerOrders orders;
    private final PassiveClose passiveClose;
    private final Clock clock;

    public ListCustomerOrders(CustomerOrders orders, PassiveClose passiveClose, Clock clock) {
        this.orders = orders;
        this.passiveClose = passiveClose;
        this.clock = clock;
    }

    public Page list(Query query) {
        passiveClose.closeAll(orders.overdueOfCustomer(query.customer(), clock.instant(), MAX_CLOSED_PER_REQUEST));
        List<Order> found = orders.listOfCustomer(query.customer(), query.status(), query.after(), query.limit() + 1);
        boolean more = found.size() > query.limit();
        List<Order> page = more ? found.subList(0, query.limit()) : found;
        Optional<OrderCursor> next = more
                ? Optional.of(new OrderCursor(
                        page.getLast().createdAt(), page.getLast().id()))
                : Optional.empty();
        return new Page(List.copyOf(page), next);
    }

    public record Query(CustomerId customer, Optional<OrderStatus> status, Optional<OrderCursor> after, int limit) {
        public Query {
            Objects.requireNonNull(customer, "customer");
            Objects.requireNonNull(status, "status");
            Objects.requireNonNull(after, "after");
            if (limit < 1 || limit > MAX_PAGE_SIZE) {
                throw new DomainRuleViolation("limit", "a page holds 1 to " + MAX_PAGE_SIZE + " orders");
            }
        }
    }

    public record Page(List<Order> orders, Optional<OrderCursor> next) {}
}
