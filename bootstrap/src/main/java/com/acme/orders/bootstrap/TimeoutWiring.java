package com.acme.orders.bootstrap;

import com.acme.orders.adapter.redis.RedisDeadlineIndex;
import com.acme.orders.application.ExpireDueOrders;
import com.acme.orders.application.OrderChanges;
import com.acme.orders.application.RebuildDeadlineIndex;
import com.acme.orders.application.SweepOverdueOrders;
import com.acme.orders.application.port.DeadlineIndex;
import com.acme.orders.application.port.OrderRepository;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.connection.RedisConnectionFactory;

/**
 * The timeout machinery: the Redis deadline index on Spring Boot's auto-configured Redis connection (standalone or
 * cluster, from {@code spring.data.redis.*}), the use cases of the worker and the sweeper, and the two loops.
 */
@Configuration(proxyBeanMethods = false)
class TimeoutWiring {

    @Bean
    DeadlineIndex deadlineIndex(RedisConnectionFactory redis, TimeoutProperties timeouts, MeterRegistry meters) {
        return new RedisDeadlineIndex(redis, timeouts.shards(), meters);
    }

    @Bean
    ExpireDueOrders expireDueOrders(DeadlineIndex deadlines, OrderChanges changes, Clock clock,
                                    TimeoutProperties timeouts) {
        return new ExpireDueOrders(deadlines, changes, clock, timeouts.batchSize(), timeouts.lease());
    }

    @Bean
    SweepOverdueOrders sweepOverdueOrders(OrderRepository orders, OrderChanges changes, Clock clock,
                                          TimeoutProperties timeouts) {
        return new SweepOverdueOrders(orders, changes, clock, timeouts.batchSize(), timeouts.sweeperMargin());
    }

    @Bean
    RebuildDeadlineIndex rebuildDeadlineIndex(OrderRepository orders, DeadlineIndex deadlines,
                                              TimeoutProperties timeouts) {
        return new RebuildDeadlineIndex(orders, deadlines, timeouts.batchSize());
    }

    @Bean
    TimeoutMetrics timeoutMetrics(MeterRegistry meters, DeadlineIndex deadlines, Clock clock) {
        return new TimeoutMetrics(meters, deadlines, clock);
    }

    @Bean
    @ConditionalOnProperty(name = "orders.timeouts.worker-enabled", matchIfMissing = true)
    TimeoutWorker timeoutWorker(ExpireDueOrders expireDueOrders, TimeoutMetrics metrics, TimeoutProperties timeouts) {
        return new TimeoutWorker(expireDueOrders, metrics, timeouts.pollInterval(), timeouts.concurrency());
    }

    @Bean
    @ConditionalOnProperty(name = "orders.timeouts.worker-enabled", matchIfMissing = true)
    OrderSweeper orderSweeper(RebuildDeadlineIndex rebuild, SweepOverdueOrders sweep, TimeoutMetrics metrics,
                              TimeoutProperties timeouts) {
        return new OrderSweeper(rebuild, sweep, metrics, timeouts.sweeperInterval());
    }
}
