/** The PostgreSQL, Redis and Kafka processes a benchmark run starts. */
@NullMarked
package com.acme.orders.benchmarks.servers;

import org.jspecify.annotations.NullMarked;
