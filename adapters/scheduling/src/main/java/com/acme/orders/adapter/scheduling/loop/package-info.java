/** A loop on its own thread that survives a failed round: what every scheduled driver runs on. */
@NullMarked
package com.acme.orders.adapter.scheduling.loop;

import org.jspecify.annotations.NullMarked;
