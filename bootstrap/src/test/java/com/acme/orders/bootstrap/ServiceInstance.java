package com.acme.orders.bootstrap;

import com.acme.orders.adapter.postgres.TestPostgres;
import com.acme.orders.adapter.redis.TestRedis;
import com.acme.orders.application.fakes.RecordedEvents;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.HashMap;
import java.util.Map;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * One instance of the service (its whole Spring context, timeout worker and sweeper included) on the test's real
 * PostgreSQL and Redis. Several of them side by side are several instances of a deployment. The events of every
 * instance go to one shared recorder, the stand-in for the outbox, so a test can count the events of all of them.
 */
final class ServiceInstance implements AutoCloseable {

    /** Short enough for tests to see leases expire and sweeps repair within seconds. */
    static final Map<String, Object> FAST_TIMEOUTS = Map.of(
            "orders.timeouts.poll-interval", "50ms",
            "orders.timeouts.lease", "2s",
            "orders.timeouts.sweeper-interval", "1s",
            "orders.timeouts.sweeper-margin", "1s");

    private final ConfigurableApplicationContext context;

    private ServiceInstance(ConfigurableApplicationContext context) {
        this.context = context;
    }

    static ServiceInstance start(RecordedEvents events, Map<String, Object> properties) {
        Map<String, Object> all = new HashMap<>(FAST_TIMEOUTS);
        all.put("spring.datasource.url", TestPostgres.server().jdbcUrl());
        all.put("spring.datasource.username", TestPostgres.server().username());
        all.put("spring.datasource.password", TestPostgres.server().password());
        all.put("spring.data.redis.host", TestRedis.host());
        all.put("spring.data.redis.port", TestRedis.port());
        all.put("spring.main.banner-mode", "off");
        all.putAll(properties);
        // As command-line arguments: SpringApplicationBuilder.properties() would be defaults, below application.yaml.
        String[] arguments = all.entrySet().stream().map(it -> "--" + it.getKey() + "=" + it.getValue())
                .toArray(String[]::new);
        var context = new SpringApplicationBuilder(OrderServiceApplication.class)
                .web(WebApplicationType.NONE)
                .initializers(it -> it.getBeanFactory().registerSingleton("recordedEvents", events))
                .run(arguments);
        return new ServiceInstance(context);
    }

    <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    double counter(String name) {
        var counter = bean(MeterRegistry.class).find(name).counter();
        return counter == null ? 0 : counter.count();
    }

    @Override
    public void close() {
        context.close();
    }
}
