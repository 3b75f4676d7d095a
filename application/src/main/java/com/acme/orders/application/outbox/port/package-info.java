/** What the relay needs: the outbox, the broker and the commit signal. */
@NullMarked
package com.acme.orders.application.outbox.port;

import org.jspecify.annotations.NullMarked;
