/**
 * The operator's console: actuator endpoints on the management port that show what the timeout worker has ahead of
 * it, how late it cancels, what waits in the outbox, and that requeue a parked event; and the page that draws them.
 */
@NullMarked
package com.acme.orders.adapter.rest.console;

import org.jspecify.annotations.NullMarked;
