/** Ordering: a customer's order list, idempotency keys and order numbers. */
@NullMarked
package com.acme.orders.adapter.postgres.ordering;

import org.jspecify.annotations.NullMarked;
