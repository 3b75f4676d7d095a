/** Payments: a provider confirms a payment; before the deadline it pays the order, after it the money is requested back. */
@NullMarked
package com.acme.orders.application.payment;

import org.jspecify.annotations.NullMarked;
