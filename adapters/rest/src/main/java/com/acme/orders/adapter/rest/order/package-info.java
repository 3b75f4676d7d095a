/** Ordering over HTTP: customers place, read, list and cancel their orders. */
@NullMarked
package com.acme.orders.adapter.rest.order;

import org.jspecify.annotations.NullMarked;
