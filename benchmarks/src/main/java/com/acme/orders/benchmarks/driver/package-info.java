/** The benchmark driver: load, measurement and the report. */
@NullMarked
package com.acme.orders.benchmarks.driver;

import org.jspecify.annotations.NullMarked;
