package com.acme.orders.benchmarks.reliability;

import com.acme.orders.benchmarks.driver.Credentials;
import com.acme.orders.benchmarks.servers.PostgresProcess;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Everything a run starts, each a process of its own: PostgreSQL, the Redis Cluster, the Kafka cluster and the
 * service instances, the last one with its clock running fast. Closed in reverse order however the run ends.
 */
final class Cluster implements AutoCloseable {

    static final String TOPIC = "orders.events";
    private static final Logger log = LoggerFactory.getLogger(Cluster.class);

    final PostgresProcess postgres;
    final RedisCluster redis;
    final KafkaCluster kafka;
    final List<ServiceInstance> instances = new ArrayList<>();
    final String topology;
    String clocks = "";
    private final java.util.concurrent.atomic.AtomicBoolean closed = new java.util.concurrent.atomic.AtomicBoolean();

    private Cluster(PostgresProcess postgres, RedisCluster redis, KafkaCluster kafka, String topology) {
        this.postgres = postgres;
        this.redis = redis;
        this.kafka = kafka;
        this.topology = topology;
    }

    static Cluster start(RunSettings settings, Path loggingConfig) throws Exception {
        Path work = settings.work();
        // Side by side: each takes seconds, mostly waiting.
        var postgres = CompletableFuture.supplyAsync(() -> {
            try {
                return PostgresProcess.start(work.resolve("postgres"), freePort(), work.resolve("postgres.log"));
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
        var kafka = CompletableFuture.supplyAsync(() -> {
            try {
                return KafkaCluster.start(
                        work.resolve("kafka"),
                        settings.brokers(),
                        freePorts(2 * settings.brokers()),
                        loggingConfig,
                        TOPIC);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        var redis = RedisCluster.start(
                work.resolve("redis"),
                settings.redisMasters(),
                settings.redisReplicas(),
                freePorts(settings.redisMasters() * (1 + settings.redisReplicas())));
        log.info("Redis Cluster up: {}", redis.nodeAddresses());
        String topology = "PostgreSQL: " + postgres.join().describe() + "\n- Redis Cluster: "
                + redis.describe(settings.redisMasters(), settings.redisReplicas()) + "\n- Kafka: "
                + settings.brokers() + " KRaft node(s) (broker and controller each), topic " + TOPIC
                + " with 6 partitions, replication factor " + kafka.join().replicas() + ", min.insync.replicas "
                + Math.max(1, kafka.join().replicas() - 1) + ", producer acks=all, idempotent\n- "
                + settings.instances() + " service instances (JVMs), round robin; the last one's clock "
                + settings.clockSkew().toMillis() + " ms fast (orders.clock.offset)";
        var cluster = new Cluster(postgres.join(), redis, kafka.join(), topology);
        try {
            for (int i = 0; i < settings.instances(); i++) {
                boolean skewed = i == settings.instances() - 1;
                cluster.instances.add(ServiceInstance.start(
                        "instance-" + (i + 1) + (skewed ? "-fast-clock" : ""),
                        freePorts(2),
                        cluster.serviceProperties(settings, skewed),
                        work));
            }
            for (ServiceInstance instance : cluster.instances) {
                instance.awaitReady(Duration.ofMinutes(3));
            }
            var skews = new ArrayList<String>();
            for (ServiceInstance instance : cluster.instances) {
                skews.add(instance.name + " " + ClockProbe.skewOf(instance).toMillis() + " ms");
            }
            cluster.clocks = "clocks as the instances' placed orders show them (createdAt against this machine's): "
                    + String.join(", ", skews);
            log.info("The instances' clocks: {}", cluster.clocks);
        } catch (Exception e) {
            cluster.close();
            throw e;
        }
        return cluster;
    }

    /** The service as it would be deployed against these servers, with the run's short timings. */
    private List<String> serviceProperties(RunSettings settings, boolean skewed) {
        var properties = new ArrayList<>(List.of(
                "--spring.datasource.url=" + postgres.jdbcUrl(),
                "--spring.datasource.username=" + postgres.user(),
                "--spring.datasource.password=" + postgres.password(),
                "--spring.data.redis.cluster.nodes=" + redis.nodeAddresses(),
                // Nothing about the cluster's topology refresh: the run tests what application.yaml ships.
                "--spring.kafka.bootstrap-servers=" + kafka.bootstrapServers(),
                "--orders.events.replicas=" + kafka.replicas(),
                "--orders.security.jwt.secret=" + Credentials.TOKEN_SECRET,
                "--orders.payments.signing-secrets=" + Credentials.PAYMENT_SECRET,
                "--orders.payment-window.standard=" + settings.paymentWindow().toMillis() + "ms",
                "--orders.payment-window.shortest=1s",
                "--orders.timeouts.lease=" + settings.lease().toMillis() + "ms",
                "--orders.timeouts.poll-interval=" + settings.pollInterval().toMillis() + "ms",
                "--orders.timeouts.sweeper-interval="
                        + settings.sweeperInterval().toMillis() + "ms",
                "--orders.timeouts.sweeper-margin=" + settings.sweeperMargin().toMillis() + "ms",
                "--logging.level.root=WARN",
                "--logging.level.com.acme=INFO"));
        if (skewed) {
            properties.add("--orders.clock.offset=" + settings.clockSkew().toMillis() + "ms");
        }
        return properties;
    }

    /** Idempotent: the run's end and a shutdown hook (Ctrl-C) may both get here. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        for (ServiceInstance instance : instances) {
            try {
                instance.close();
            } catch (Exception e) {
                log.warn("{} did not stop cleanly", instance.name, e);
            }
        }
        try {
            Signals.thaw(postgres.postmaster());
        } catch (Exception alreadyGone) {
            // nothing frozen to thaw
        }
        try {
            kafka.close();
        } catch (Exception e) {
            log.warn("Kafka did not stop cleanly", e);
        }
        redis.close();
        try {
            postgres.close();
        } catch (IOException e) {
            log.warn("PostgreSQL did not stop cleanly", e);
        }
    }

    private static List<Integer> freePorts(int count) {
        var ports = new ArrayList<Integer>();
        for (int i = 0; i < count; i++) {
            ports.add(freePort());
        }
        return ports;
    }

    private static int freePort() {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
