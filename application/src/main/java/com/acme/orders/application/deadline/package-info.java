/** Deadlines: expire due orders from the deadline index, sweep what it missed, rebuild it from the database. */
@NullMarked
package com.acme.orders.application.deadline;

import org.jspecify.annotations.NullMarked;
