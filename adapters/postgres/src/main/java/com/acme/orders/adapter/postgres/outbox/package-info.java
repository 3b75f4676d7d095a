/** Outbox: the events of every change, written in its transaction, and the queue the relay reads. {@link com.acme.orders.adapter.postgres.outbox.OrderEventContract} is the published contract of the events; its JSON Schemas and AsyncAPI document are in {@code docs/events/}. */
@NullMarked
package com.acme.orders.adapter.postgres.outbox;

import org.jspecify.annotations.NullMarked;
