/** The service as the benchmark runs it. */
@NullMarked
package com.acme.orders.benchmarks.service;

import org.jspecify.annotations.NullMarked;
