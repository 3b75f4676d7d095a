package com.acme.orders.adapter.postgres.payment;

import static com.acme.orders.adapter.postgres.jooq.Tables.RECEIVED_PAYMENTS;

import com.acme.orders.application.change.port.ConcurrentOrderChange;
import com.acme.orders.application.payment.port.ReceivedPayments;
import com.acme.orders.domain.Money;
import com.acme.orders.domain.OrderId;
import com.acme.orders.domain.PaymentReference;
import com.acme.orders.domain.Transition;
import java.util.Optional;
import org.jmolecules.architecture.hexagonal.SecondaryAdapter;
import org.jooq.DSLContext;

/** Received payments in {@code received_payments}, one row per provider payment id. */
@SecondaryAdapter
public class PostgresReceivedPayments implements ReceivedPayments {

    private final DSLContext db;

    public PostgresReceivedPayments(DSLContext db) {
        this.db = db;
    }

    @Override
    public Optional<ReceivedPayment> find(PaymentReference reference) {
        return db.selectFrom(RECEIVED_PAYMENTS)
                .where(RECEIVED_PAYMENTS.PAYMENT_REFERENCE.eq(reference.value()))
                .fetchOptional()
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
        int inserted = db.insertInto(RECEIVED_PAYMENTS)
                .set(RECEIVED_PAYMENTS.PAYMENT_REFERENCE, payment.reference().value())
                .set(RECEIVED_PAYMENTS.ORDER_ID, payment.orderId().value())
                .set(RECEIVED_PAYMENTS.CURRENCY, payment.amount().currency().getCurrencyCode())
                .set(RECEIVED_PAYMENTS.AMOUNT, payment.amount().amount())
                .set(RECEIVED_PAYMENTS.OUTCOME, payment.outcome().name())
                .set(
                        RECEIVED_PAYMENTS.REFUSAL,
                        payment.refusal().map(Enum::name).orElse(null))
                .set(RECEIVED_PAYMENTS.DETAIL, payment.detail())
                .set(RECEIVED_PAYMENTS.RECEIVED_AT, payment.receivedAt())
                .onConflictDoNothing()
                .execute();
        if (inserted == 0) {
            // The same payment was recorded for another order at the same moment (the same order would have waited
            // for its row lock and found it). Rolled back; the retry is refused by what the winner recorded.
            throw new ConcurrentOrderChange(payment.orderId());
        }
    }
}
