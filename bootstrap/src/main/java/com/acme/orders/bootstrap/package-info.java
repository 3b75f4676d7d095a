/** Wiring and configuration only: every bean is declared and none is scanned. */
@NullMarked
package com.acme.orders.bootstrap;

import org.jspecify.annotations.NullMarked;
