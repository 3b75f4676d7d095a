package com.acme.orders.adapter.postgres.payment;

import static com.acme.orders.adapter.postgres.jooq.Tables.RECEIVED_PAYMENTS;

import com.acme.orders.adapter.postgres.sql.RenderedOnce;
import com.acme.orders.application.change.port.ConcurrentOrderChange;
import com.acme.orders.application.payment.port.ReceivedPayments;
import com.acme.orders.domain.Money;
import com.acme.orders.domain.OrderId;
import com.acme.orders.domain.PaymentReference;
import com.acme.orders.domain.Transition;
import java.util.List;
import java.util.Optional;
import org.jmolecules.architecture.hexagonal.SecondaryAdapter;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.DSL;

/** Received payments in {@code received_payments}, one row per provider payment id. */
@SecondaryAdapter
public class PostgresReceivedPayments implements ReceivedPayments {

    private static final List<Field<?>> COLUMNS = List.of(
            RECEIVED_PAYMENTS.PAYMENT_REFERENCE,
            RECEIVED_PAYMENTS.ORDER_ID,
            RECEIVED_PAYMENTS.CURRENCY,
            RECEIVED_PAYMENTS.AMOUNT,
            RECEIVED_PAYMENTS.OUTCOME,
            RECEIVED_PAYMENTS.REFUSAL,
            RECEIVED_PAYMENTS.DETAIL,
            RECEIVED_PAYMENTS.RECEIVED_AT);

    private final DSLContext db;
    /** Every payment notification records one: rendered once (see {@link RenderedOnce}). */
    private final RenderedOnce insert;

    /** Every payment notification looks its payment up first. */
    private final RenderedOnce lookUp;

    public PostgresReceivedPayments(DSLContext db) {
        this.db = db;
        this.lookUp = RenderedOnce.of(
                db,
                db.selectFrom(RECEIVED_PAYMENTS)
                        .where(RECEIVED_PAYMENTS.PAYMENT_REFERENCE.eq(
                                DSL.param("reference", RECEIVED_PAYMENTS.PAYMENT_REFERENCE.getDataType()))));
        this.insert = RenderedOnce.of(
                db,
                db.insertInto(RECEIVED_PAYMENTS)
                        .columns(COLUMNS)
                        .values(COLUMNS.stream()
                                .map(it -> DSL.param(it.getName(), it.getDataType()))
                                .toList())
                        .onConflictDoNothing());
    }

    @Override
    public Optional<ReceivedPayment> find(PaymentReference reference) {
        return lookUp.fetch(db, RECEIVED_PAYMENTS.fields(), reference.value()).into(RECEIVED_PAYMENTS).stream()
                .findFirst()
                .map(row -> new ReceivedPayment(
                        new PaymentReference(row.getPaymentReference()),
                        new OrderId(row.getOrderId()),
                        Money.of(row.getAmount(), Money.currency(row.getCurrency())),
                        Outcome.valueOf(row.getOutcome()),
                        Optional.ofNullable(row.getRefusal()).map(Transition.Refusal::valueOf),
                        row.getDetail(),
                        row.getReceivedAt()));
    }

    @Override
    public void record(ReceivedPayment payment) {
        // With the order's update and its event, at the commit: nothing in the transaction reads it back.
        insert.executeAtCommit(
                db,
                inserted -> {
                    if (inserted == 0) {
                        // The same payment was recorded for another order at the same moment (the same order would
                        // have waited for its row lock and found it). Rolled back; the retry is refused by what the
                        // winner recorded.
                        throw new ConcurrentOrderChange(payment.orderId());
                    }
                },
                payment.reference().value(),
                payment.orderId().value(),
                payment.amount().currency().getCurrencyCode(),
                payment.amount().amount(),
                payment.outcome().name(),
                payment.refusal().map(Enum::name).orElse(null),
                payment.detail(),
                payment.receivedAt());
    }
}
