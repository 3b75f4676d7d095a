/** Who may call: customers by their JWT, payment providers by the signature of each notification. */
@NullMarked
package com.acme.orders.adapter.rest.security;

import org.jspecify.annotations.NullMarked;
