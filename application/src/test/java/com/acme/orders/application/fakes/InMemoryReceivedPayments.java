package com.acme.orders.application.fakes;

import com.acme.orders.application.change.port.ConcurrentOrderChange;
import com.acme.orders.application.payment.port.ReceivedPayments;
import com.acme.orders.domain.PaymentReference;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Received payments in memory, one per payment reference, as the primary key keeps them in PostgreSQL. */
public class InMemoryReceivedPayments implements ReceivedPayments {

    private final Map<PaymentReference, ReceivedPayment> received = new ConcurrentHashMap<>();

    @Override
    public Optional<ReceivedPayment> find(PaymentReference reference) {
        return Optional.ofNullable(received.get(reference));
    }

    @Override
    public void record(ReceivedPayment payment) {
        if (received.putIfAbsent(payment.reference(), payment) != null) {
            throw new ConcurrentOrderChange(payment.orderId());
        }
    }

    public List<ReceivedPayment> all() {
        return List.copyOf(received.values());
    }
}
