/** Outbox: relay committed events to the broker, at least once, in order per order. */
@NullMarked
package com.acme.orders.application.outbox;

import org.jspecify.annotations.NullMarked;
