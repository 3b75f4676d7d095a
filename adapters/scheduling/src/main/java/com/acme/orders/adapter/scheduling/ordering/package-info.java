/** Ordering on a timer: idempotency keys forgotten once their retention has passed. */
@NullMarked
package com.acme.orders.adapter.scheduling.ordering;

import org.jspecify.annotations.NullMarked;
