/** What the deadline use cases need: the deadline index and the unpaid orders by deadline. */
@NullMarked
package com.acme.orders.application.deadline.port;

import org.jspecify.annotations.NullMarked;
