/** Payments: every payment a provider reported, with what it did. */
@NullMarked
package com.acme.orders.adapter.postgres.payment;

import org.jspecify.annotations.NullMarked;
