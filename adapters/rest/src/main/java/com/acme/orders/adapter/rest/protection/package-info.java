/** Protection from overload and oversized requests: 503 service-busy with Retry-After, 413 for a body over the limit. */
@NullMarked
package com.acme.orders.adapter.rest.protection;

import org.jspecify.annotations.NullMarked;
