/** Deadlines: the unpaid orders by deadline, read through the partial index of unpaid orders by the sweeper and the rebuild of the deadline index. */
@NullMarked
package com.acme.orders.adapter.postgres.deadline;

import org.jspecify.annotations.NullMarked;
