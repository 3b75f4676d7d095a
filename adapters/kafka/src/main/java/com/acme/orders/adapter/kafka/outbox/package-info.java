/** Outbox: sends the events the relay hands over to the topic {@code orders.events} as CloudEvents (binary mode). */
@NullMarked
package com.acme.orders.adapter.kafka.outbox;

import org.jspecify.annotations.NullMarked;
