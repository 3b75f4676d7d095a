/** The PostgreSQL adapter: what it contributes to the service ({@link com.acme.orders.adapter.postgres.PostgresAdapter}). */
@NullMarked
package com.acme.orders.adapter.postgres;

import org.jspecify.annotations.NullMarked;
