/** Ordering: a customer places, reads, lists and cancels orders. */
@NullMarked
package com.acme.orders.application.ordering;

import org.jspecify.annotations.NullMarked;
