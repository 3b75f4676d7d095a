/** The servers' own limits on this machine, measured with their own tools. */
@NullMarked
package com.acme.orders.benchmarks.limits;

import org.jspecify.annotations.NullMarked;
