/** The Kafka adapter: what it contributes to the service ({@link com.acme.orders.adapter.kafka.KafkaAdapter}). */
@NullMarked
package com.acme.orders.adapter.kafka;

import org.jspecify.annotations.NullMarked;
