/** The benchmark of the service against the common approaches and the servers' own limits ({@code benchmarks/run}). */
@NullMarked
package com.acme.orders.benchmarks;

import org.jspecify.annotations.NullMarked;
