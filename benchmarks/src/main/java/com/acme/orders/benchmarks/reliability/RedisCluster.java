package com.acme.orders.benchmarks.reliability;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import java.io.File;
import java.io.IOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.IntStream;
import redis.embedded.core.ExecutableProvider;

/**
 * A Redis Cluster of {@code masters} masters with {@code replicasEach} replicas each, every node a redis-server process
 * of its own (the binary the embedded-redis artifact ships, in cluster mode, nothing persisted). The slots are
 * assigned and the replicas attached here, as {@code redis-cli --cluster create} would. A node killed and started
 * again keeps its cluster identity (its nodes.conf), so a killed master comes back as its successor's replica.
 */
final class RedisCluster implements AutoCloseable {

    private static final int SLOTS = 16_384;
    /** How long a master may stay silent before its replica takes over: the failover takes a few times this. */
    static final Duration NODE_TIMEOUT = Duration.ofSeconds(2);

    private final File executable;
    private final Path directory;
    private final List<Node> nodes = new ArrayList<>();
    private final RedisClient client = RedisClient.create();

    final class Node {
        final int port;
        final Path directory;
        Process process;

        Node(int port, Path directory) throws IOException {
            this.port = port;
            this.directory = directory;
            this.process = launch();
        }

        void start() throws IOException {
            process = launch();
        }

        private Process launch() throws IOException {
            Files.createDirectories(directory);
            return new ProcessBuilder(
                            executable.getAbsolutePath(),
                            "--port",
                            Integer.toString(port),
                            "--bind",
                            "127.0.0.1",
                            "--dir",
                            directory.toAbsolutePath().toString(),
                            "--cluster-enabled",
                            "yes",
                            "--cluster-config-file",
                            "nodes.conf",
                            "--cluster-node-timeout",
                            Long.toString(NODE_TIMEOUT.toMillis()),
                            // A replica takes over however long it was cut off: losing writes beats losing slots.
                            "--cluster-replica-validity-factor",
                            "0",
                            "--save",
                            "",
                            "--appendonly",
                            "no",
                            "--maxclients",
                            "10000")
                    .redirectErrorStream(true)
                    .redirectOutput(
                            Redirect.appendTo(directory.resolve("redis.log").toFile()))
                    .start();
        }

        String address() {
            return "127.0.0.1:" + port;
        }

        <T> T call(Function<StatefulRedisConnection<String, String>, T> command) {
            try (var connection = client.connect(RedisURI.create("127.0.0.1", port))) {
                return command.apply(connection);
            }
        }

        boolean isMaster() {
            return call(it -> it.sync().info("replication")).contains("role:master");
        }
    }

    private RedisCluster(File executable, Path directory) {
        this.executable = executable;
        this.directory = directory;
    }

    static RedisCluster start(Path directory, int masters, int replicasEach, List<Integer> ports) throws Exception {
        var cluster =
                new RedisCluster(ExecutableProvider.newJarResourceProvider().get(), directory);
        int count = masters * (1 + replicasEach);
        for (int i = 0; i < count; i++) {
            var node = cluster.new Node(ports.get(i), directory.resolve("node-" + i));
            cluster.nodes.add(node);
        }
        cluster.form(masters);
        return cluster;
    }

    /** Masters first, each with a third of the slots; then every replica attached to its master. */
    private void form(int masters) throws InterruptedException {
        awaitAnswers();
        Node first = nodes.getFirst();
        for (Node node : nodes.subList(1, nodes.size())) {
            first.call(it -> it.sync().clusterMeet("127.0.0.1", node.port));
        }
        for (int m = 0; m < masters; m++) {
            int from = SLOTS * m / masters;
            int to = SLOTS * (m + 1) / masters;
            int[] slots = IntStream.range(from, to).toArray();
            nodes.get(m).call(it -> it.sync().clusterAddSlots(slots));
        }
        awaitUntil(
                "every node knows every other",
                () -> nodes.stream()
                        .allMatch(node -> node.call(it -> it.sync().clusterNodes())
                                        .lines()
                                        .count()
                                == nodes.size()));
        for (int r = masters; r < nodes.size(); r++) {
            String masterId = nodes.get(r % masters).call(it -> it.sync().clusterMyId());
            nodes.get(r).call(it -> it.sync().clusterReplicate(masterId));
        }
        awaitHealthy();
    }

    void awaitHealthy() throws InterruptedException {
        awaitUntil(
                "the cluster is ok on every node, every replica in sync",
                () -> nodes.stream()
                        .filter(node -> node.process.isAlive())
                        .allMatch(
                                node -> node.call(it -> it.sync().clusterInfo()).contains("cluster_state:ok")
                                        && !node.call(it -> it.sync().info("replication"))
                                                .contains("master_link_status:down")));
    }

    private void awaitAnswers() throws InterruptedException {
        awaitUntil(
                "every node answers",
                () -> nodes.stream()
                        .allMatch(
                                node -> "PONG".equals(node.call(it -> it.sync().ping()))));
    }

    private static void awaitUntil(String what, java.util.function.BooleanSupplier condition)
            throws InterruptedException {
        var giveUp = Instant.now().plusSeconds(60);
        while (true) {
            try {
                if (condition.getAsBoolean()) {
                    return;
                }
            } catch (RuntimeException notYet) {
                // a node not listening yet, or between roles
            }
            if (Instant.now().isAfter(giveUp)) {
                throw new IllegalStateException("Redis Cluster: not true within 60 s: " + what);
            }
            Thread.sleep(200);
        }
    }

    /** What the service is given: every node, so that it finds the cluster whichever node is down. */
    String nodeAddresses() {
        return String.join(",", nodes.stream().map(Node::address).toList());
    }

    String describe(int masters, int replicasEach) {
        String version = nodes.getFirst()
                .call(it -> it.sync().info("server"))
                .lines()
                .filter(line -> line.startsWith("redis_version:"))
                .findFirst()
                .orElse("redis_version:?");
        return masters + " masters with " + replicasEach + " replica(s) each, redis-server "
                + version.substring("redis_version:".length()) + " (embedded-redis binary), cluster-node-timeout "
                + NODE_TIMEOUT.toMillis() + " ms, no persistence";
    }

    /** A master that is alive now (the first one found), to be killed. */
    Node aMaster() {
        return nodes.stream()
                .filter(node -> node.process.isAlive() && node.isMaster())
                .findFirst()
                .orElseThrow();
    }

    /** FLUSHALL on every master (replicas follow their master and refuse writes): the index is gone everywhere. */
    int flushAll() {
        int flushed = 0;
        for (Node node : nodes) {
            if (node.process.isAlive() && node.isMaster()) {
                node.call(it -> it.sync().flushall());
                flushed++;
            }
        }
        return flushed;
    }

    @Override
    public void close() {
        for (Node node : nodes) {
            node.process.destroy();
        }
        for (Node node : nodes) {
            try {
                node.process.waitFor();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        client.shutdown();
    }
}
