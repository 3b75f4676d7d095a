/** RFC 9457 problem details for every error, also for what the HTTP server refuses itself. */
@NullMarked
package com.acme.orders.adapter.rest.problem;

import org.jspecify.annotations.NullMarked;
