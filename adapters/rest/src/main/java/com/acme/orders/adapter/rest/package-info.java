/** The REST adapter: what it contributes to the service ({@link com.acme.orders.adapter.rest.RestAdapter}). */
@NullMarked
package com.acme.orders.adapter.rest;

import org.jspecify.annotations.NullMarked;
