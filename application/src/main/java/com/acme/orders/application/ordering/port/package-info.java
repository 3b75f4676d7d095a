/** What ordering needs: the customer order list, idempotency keys and order numbers. */
@NullMarked
package com.acme.orders.application.ordering.port;

import org.jspecify.annotations.NullMarked;
