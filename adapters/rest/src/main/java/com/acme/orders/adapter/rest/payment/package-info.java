/** Payments over HTTP: the signed notifications of payment providers. */
@NullMarked
package com.acme.orders.adapter.rest.payment;

import org.jspecify.annotations.NullMarked;
