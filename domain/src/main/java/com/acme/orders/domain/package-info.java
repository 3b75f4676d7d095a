/** The order aggregate, its state machine ({@code UNPAID} to {@code PAID} or {@code CANCELLED}), its value objects and events: plain Java. */
@NullMarked
package com.acme.orders.domain;

import org.jspecify.annotations.NullMarked;
