package com.acme.orders.benchmarks.approaches;

import com.acme.orders.application.change.port.Transactions;
import com.acme.orders.application.deadline.ExpireOrder;
import com.acme.orders.benchmarks.Approach;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import org.jooq.DSLContext;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * The competitors' triggers, one switched on by {@code benchmark.approach} (run with
 * {@code orders.timeouts.worker-enabled=false}, so that only the competitor cancels). Each is a {@link SmartLifecycle}:
 * it starts once every bean is ready and stops, after the work in flight, before the database pool closes. Each only
 * FINDS due orders its own way; every cancellation goes through the service's {@link ExpireOrder}, so the aggregate
 * decides and the outbox carries the event, as for the service itself. {@code service} adds nothing.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ApproachProperties.class)
public class CompetingApproaches {

    private static final String APPROACH = "benchmark.approach";

    /**
     * The arguments that make {@code BenchmarkedService} run {@code approach}, and only it, besides the servers'.
     * Reminders are off for every approach: none of the others sends any, and the seeded orders' reminders would all
     * fall due at once at start-up, measuring a storm no shop has.
     */
    public static List<String> arguments(Approach approach) {
        return approach == Approach.SERVICE
                ? List.of("--" + APPROACH + "=" + approach.id(), "--orders.reminders.before=0s")
                : List.of(
                        "--" + APPROACH + "=" + approach.id(),
                        "--orders.timeouts.worker-enabled=false",
                        "--orders.reminders.before=0s");
    }

    @Bean
    @ConditionalOnProperty(name = APPROACH, havingValue = "scan")
    SmartLifecycle unpaidOrderScan(
            DSLContext db,
            Transactions transactions,
            StringRedisTemplate redis,
            ExpireOrder expireOrder,
            ApproachProperties properties,
            MeterRegistry meters) {
        var scan = new UnpaidOrderScan(db, transactions, redis, expireOrder, properties.scan(), meters);
        // One thread: a cron job never overlaps itself; a scan longer than the interval delays the next one.
        return new WorkerThreads("scan", 1, properties.scan().interval(), true, scan::scanOnce);
    }

    @Bean
    @ConditionalOnProperty(name = APPROACH, havingValue = "keyspace")
    SmartLifecycle expiredKeySubscriber(
            RedisConnectionFactory redis, ExpireOrder expireOrder, ApproachProperties properties) {
        return new ExpiredKeySubscriber(
                redis, expireOrder, properties.keyspace().threads());
    }

    @Bean
    @ConditionalOnProperty(name = APPROACH, havingValue = "skip-locked")
    SmartLifecycle skipLockedPollers(
            DSLContext db, Transactions transactions, ExpireOrder expireOrder, ApproachProperties properties) {
        var settings = properties.skipLocked();
        var poll = new SkipLockedPoll(db, transactions, expireOrder, settings.batch());
        return new WorkerThreads(
                "skip-locked", settings.threads(), settings.pollInterval(), false, poll::expireNextBatch);
    }

    @Bean
    @ConditionalOnProperty(name = APPROACH, havingValue = "redisson")
    SmartLifecycle delayedQueueConsumers(
            @Value("${spring.data.redis.host:localhost}") String host,
            @Value("${spring.data.redis.port:6379}") int port,
            ExpireOrder expireOrder,
            ApproachProperties properties) {
        return new DelayedQueueConsumers(
                host, port, expireOrder, properties.redisson().consumers());
    }
}
