/** The scheduling adapter: the loops that drive use cases on a timer, as the REST adapter drives them on a request ({@link com.acme.orders.adapter.scheduling.SchedulingAdapter}). */
@NullMarked
package com.acme.orders.adapter.scheduling;

import org.jspecify.annotations.NullMarked;
