package com.acme.orders.adapter.postgres.ordering;

import static com.acme.orders.adapter.postgres.jooq.Sequences.ORDER_NUMBER_SEQ;

import com.acme.orders.application.ordering.port.OrderNumberSource;
import com.acme.orders.domain.OrderNumber;
import java.time.LocalDate;
import org.jmolecules.architecture.hexagonal.SecondaryAdapter;
import org.jooq.DSLContext;

/**
 * Order numbers from a PostgreSQL sequence: {@code nextval} never hands out a value twice, across instances, restarts
 * and rolled-back transactions, which a counter in memory or in Redis cannot promise. The unique constraint on
 * {@code orders.order_number} backs it up.
 */
@SecondaryAdapter
public class PostgresOrderNumberSource implements OrderNumberSource {

    private final DSLContext db;

    public PostgresOrderNumberSource(DSLContext db) {
        this.db = db;
    }

    @Override
    public OrderNumber next(LocalDate day) {
        return OrderNumber.of(day, db.nextval(ORDER_NUMBER_SEQ));
    }
}
