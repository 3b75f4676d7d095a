/** What payments need: the record of every payment received. */
@NullMarked
package com.acme.orders.application.payment.port;

import org.jspecify.annotations.NullMarked;
