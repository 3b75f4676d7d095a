/** What the change path needs: where orders live, where their events go, and the transaction. */
@NullMarked
package com.acme.orders.application.change.port;

import org.jspecify.annotations.NullMarked;
