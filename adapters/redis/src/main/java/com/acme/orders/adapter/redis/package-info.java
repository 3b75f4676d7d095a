/** The Redis adapter: what it contributes to the service ({@link com.acme.orders.adapter.redis.RedisAdapter}). */
@NullMarked
package com.acme.orders.adapter.redis;

import org.jspecify.annotations.NullMarked;
