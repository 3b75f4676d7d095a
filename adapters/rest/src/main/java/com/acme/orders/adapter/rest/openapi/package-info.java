/** The OpenAPI document served at /v3/api-docs. */
@NullMarked
package com.acme.orders.adapter.rest.openapi;

import org.jspecify.annotations.NullMarked;
