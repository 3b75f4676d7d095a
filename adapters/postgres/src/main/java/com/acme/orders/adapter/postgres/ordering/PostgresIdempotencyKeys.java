package com.acme.orders.adapter.postgres.ordering;

import static com.acme.orders.adapter.postgres.jooq.Tables.IDEMPOTENCY_KEYS;
import static org.jooq.impl.DSL.row;
import static org.jooq.impl.DSL.select;

import com.acme.orders.adapter.postgres.change.OrderMapper;
import com.acme.orders.application.ordering.port.IdempotencyKeys;
import com.acme.orders.domain.CustomerId;
import com.acme.orders.domain.OrderId;
import java.time.Instant;
import java.util.Optional;
import org.jmolecules.architecture.hexagonal.SecondaryAdapter;
import org.jooq.DSLContext;

/** Idempotency keys in {@code idempotency_keys}; its primary key decides which of two concurrent requests wins. */
@SecondaryAdapter
public class PostgresIdempotencyKeys implements IdempotencyKeys {

    private final DSLContext db;

    public PostgresIdempotencyKeys(DSLContext db) {
        this.db = db;
    }

    @Override
    public Optional<RememberedRequest> find(CustomerId customer, String key) {
        return db.selectFrom(IDEMPOTENCY_KEYS)
                .where(IDEMPOTENCY_KEYS.CUSTOMER_ID.eq(customer.value()))
                .and(IDEMPOTENCY_KEYS.IDEMPOTENCY_KEY.eq(key))
                .fetchOptional()
                .map(row -> new RememberedRequest(row.getRequestFingerprint(), new OrderId(row.getOrderId())));
    }

    @Override
    public boolean claim(CustomerId customer, String key, String requestFingerprint, OrderId order, Instant claimedAt) {
        // ON CONFLICT DO NOTHING instead of catching a unique violation: the loser's transaction stays usable, so it
        // can read the winner's key (committed by then: the insert waited for it) and answer with its order.
        return db.insertInto(IDEMPOTENCY_KEYS)
                        .set(IDEMPOTENCY_KEYS.CUSTOMER_ID, customer.value())
                        .set(IDEMPOTENCY_KEYS.IDEMPOTENCY_KEY, key)
                        .set(IDEMPOTENCY_KEYS.REQUEST_FINGERPRINT, requestFingerprint)
                        .set(IDEMPOTENCY_KEYS.ORDER_ID, order.value())
                        .set(IDEMPOTENCY_KEYS.CLAIMED_AT, OrderMapper.timestamp(claimedAt))
                        .onConflictDoNothing()
                        .execute()
                == 1;
    }

    @Override
    public int forgetClaimedBefore(Instant cutoff, int atMost) {
        return db.deleteFrom(IDEMPOTENCY_KEYS)
                .where(row(IDEMPOTENCY_KEYS.CUSTOMER_ID, IDEMPOTENCY_KEYS.IDEMPOTENCY_KEY)
                        .in(select(IDEMPOTENCY_KEYS.CUSTOMER_ID, IDEMPOTENCY_KEYS.IDEMPOTENCY_KEY)
                                .from(IDEMPOTENCY_KEYS)
                                .where(IDEMPOTENCY_KEYS.CLAIMED_AT.lt(OrderMapper.timestamp(cutoff)))
                                .orderBy(IDEMPOTENCY_KEYS.CLAIMED_AT)
                                .limit(atMost)))
                .execute();
    }
}
