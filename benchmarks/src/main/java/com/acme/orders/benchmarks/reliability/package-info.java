/**
 * The reliability run: the service's guarantees checked on the whole history of a run on a real cluster of processes
 * (PostgreSQL, a Redis Cluster, a Kafka cluster, several service JVMs) while faults are injected.
 */
@NullMarked
package com.acme.orders.benchmarks.reliability;

import org.jspecify.annotations.NullMarked;
