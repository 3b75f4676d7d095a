/** The one path by which an existing order changes, for every feature: lock, let the aggregate decide, store, publish, commit, then tell the deadline index; and passive close. */
@NullMarked
package com.acme.orders.application.change;

import org.jspecify.annotations.NullMarked;
