package com.acme.orders.adapter.postgres.change;

import static com.acme.orders.adapter.postgres.TestOrders.ALICE;
import static com.acme.orders.adapter.postgres.TestOrders.NOW;
import static com.acme.orders.adapter.postgres.TestOrders.TODAY;
import static com.acme.orders.adapter.postgres.TestOrders.unpaid;
import static org.assertj.core.api.Assertions.assertThat;

import com.acme.orders.adapter.postgres.PostgresAdapterTest;
import com.acme.orders.domain.Order;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The database's clock for a decision: read with the lock of the order it is about, else on its own. */
class DatabaseTimeTest extends PostgresAdapterTest {

    @Test
    void a_transaction_that_locked_an_order_decides_by_the_time_of_its_lock_and_the_next_one_reads_afresh() {
        Order order = unpaid(numbers.next(TODAY), ALICE, NOW);
        transactions.inTransaction(() -> {
            orders.add(order);
            return null;
        });

        var inTheLockingTransaction = transactions.inTransaction(() -> {
            Instant before = transactions.databaseTime().orElseThrow();
            orders.lock(order.id());
            return List.of(
                    before,
                    transactions.databaseTime().orElseThrow(),
                    transactions.databaseTime().orElseThrow());
        });
        var afterwards = transactions.inTransaction(() -> List.of(
                transactions.databaseTime().orElseThrow(),
                transactions.databaseTime().orElseThrow()));

        Instant lockedAt = inTheLockingTransaction.get(1);
        assertThat(lockedAt)
                .as("read by the lock, after the reading before it")
                .isAfter(inTheLockingTransaction.get(0));
        assertThat(inTheLockingTransaction.get(2))
                .as("the lock's reading, no second query")
                .isEqualTo(lockedAt);
        assertThat(afterwards.get(0))
                .as("not carried into the next transaction")
                .isAfter(lockedAt);
        assertThat(afterwards.get(1)).as("each reading its own statement").isAfter(afterwards.get(0));
    }
}
