/** The use cases, a package per feature; {@link com.acme.orders.application.UseCases} assembles them from their ports. */
@NullMarked
package com.acme.orders.application;

import org.jspecify.annotations.NullMarked;
