package com.acme.orders.domain;

import java.util.Objects;
import org.jmolecules.ddd.annotation.ValueObject;

/** One line of an order: what inventory has to reserve, and release again when the order is cancelled. */
@ValueObject
public record LineItem(Sku sku, Quantity quantity, Money unitPrice) {

    public LineItem {
        Objects.requireNonNull(sku, "sku");
        Objects.requireNonNull(quantity, "quantity");
        Objects.requireNonNull(unitPrice, "unit price");
    }
}
