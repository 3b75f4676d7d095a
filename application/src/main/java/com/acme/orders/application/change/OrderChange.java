package com.acme.orders.application.change;

import com.acme.orders.domain.Order;
import com.acme.orders.domain.Transition;

/** The order as it stands after a request to change it, and what the order answered to that request. */
public record OrderChange(Order order, Transition transition) {}
