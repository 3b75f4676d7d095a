/** Deadlines: the timeout worker that expires due orders, the sweeper that repairs what the index missed, and their metrics. */
@NullMarked
package com.acme.orders.adapter.scheduling.deadline;

import org.jspecify.annotations.NullMarked;
