/** The change path of every feature: orders in {@code orders} and {@code order_items}, the row lock and the conditional update, the transaction of each use case, and the one mapping between rows and the aggregate. */
@NullMarked
package com.acme.orders.adapter.postgres.change;

import org.jspecify.annotations.NullMarked;
