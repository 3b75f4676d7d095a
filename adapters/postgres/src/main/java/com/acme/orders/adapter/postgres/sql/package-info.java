/** SQL building blocks shared by the features of this adapter (whole batches bound as arrays). */
@NullMarked
package com.acme.orders.adapter.postgres.sql;

import org.jspecify.annotations.NullMarked;
