/** Outbox: the relay loop that moves committed events to the broker. */
@NullMarked
package com.acme.orders.adapter.scheduling.outbox;

import org.jspecify.annotations.NullMarked;
