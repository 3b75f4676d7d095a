package com.acme.orders.adapter.kafka.outbox;

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * Whether the Kafka cluster answers, as the component {@code kafka} of {@code /actuator/health}. Spring Boot has no
 * Kafka health indicator of its own. Deliberately not part of readiness (application.yaml): while Kafka is away, the
 * events wait in the outbox and every request is still served, so this reports a degraded service, not one to take
 * out of the load balancer. Asked only when an operator or a monitor reads the health; the probes never call it.
 */
public final class KafkaReachability implements HealthIndicator {

    /** Well under the kubelet's and a person's patience; a broker that takes longer is as good as away. */
    private static final Duration TIMEOUT = Duration.ofSeconds(2);

    private final KafkaAdmin admin;

    public KafkaReachability(KafkaAdmin admin) {
        this.admin = admin;
    }

    @Override
    public Health health() {
        // A client per question: health is asked rarely, and a long-lived admin client would keep reconnecting to
        // an absent broker, and logging it, all the time the outage lasts.
        var client = AdminClient.create(admin.getConfigurationProperties());
        try {
            var cluster = client.describeCluster(new DescribeClusterOptions().timeoutMs((int) TIMEOUT.toMillis()));
            int brokers = cluster.nodes()
                    .get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
                    .size();
            return Health.up().withDetail("brokers", brokers).build();
        } catch (ExecutionException | TimeoutException e) {
            return Health.down()
                    .withDetail(
                            "error",
                            e.getCause() == null ? e.toString() : e.getCause().toString())
                    .withDetail("consequence", "events wait in the outbox and are sent once Kafka is back")
                    .build();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Health.unknown().build();
        } finally {
            client.close(Duration.ZERO);
        }
    }
}
