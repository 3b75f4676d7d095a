/** The competing approaches to closing unpaid orders, each finding due orders its own way. */
@NullMarked
package com.acme.orders.benchmarks.approaches;

import org.jspecify.annotations.NullMarked;
