/** Deadlines: the deadline index in sharded Redis sorted sets, claimed with a lease in one Lua call per shard. */
@NullMarked
package com.acme.orders.adapter.redis.deadline;

import org.jspecify.annotations.NullMarked;
