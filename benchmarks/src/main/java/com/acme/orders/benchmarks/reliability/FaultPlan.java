package com.acme.orders.benchmarks.reliability;

import java.time.Duration;

/**
 * The faults of a run, each once, spread over the load: an instance killed (kill -9) and restarted, an instance frozen
 * (SIGSTOP) past its claims' lease and resumed, a Redis master killed (its replica takes over) and started again as a
 * replica, FLUSHALL on every master, a Kafka broker killed and restarted, PostgreSQL frozen for a few seconds. The
 * victims and the exact moments come from the run's seed.
 */
final class FaultPlan {

    /** Long enough that every connection notices, short enough for the service's 5 s pool wait. */
    static final Duration POSTGRES_FROZEN = Duration.ofSeconds(4);

    /** How long a killed Redis master stays away after its replica took over. */
    static final Duration REDIS_MASTER_AWAY = Duration.ofSeconds(15);

    private FaultPlan() {}

    static Faults schedule(RunSettings settings, Cluster cluster) {
        Duration load = settings.load();
        var faults = new Faults(settings.seed(), load.dividedBy(40));
        var random = faults.random();
        var instances = cluster.instances;
        faults.at(load.multipliedBy(12).dividedBy(100), "kill -9 of an instance", () -> {
            var victim = instances.get(random.nextInt(instances.size()));
            Signals.kill(victim.process());
            victim.process().onExit().join();
            Thread.sleep(2_000);
            victim.restart();
            victim.awaitReady(Duration.ofMinutes(3));
            return "kill -9 of " + victim.name + ", restarted until ready";
        });
        faults.at(load.multipliedBy(27).dividedBy(100), "SIGSTOP of an instance", () -> {
            var victim = instances.get(random.nextInt(instances.size()));
            Duration frozen = settings.lease().plusSeconds(2);
            Signals.freeze(victim.process());
            Thread.sleep(frozen.toMillis());
            Signals.thaw(victim.process());
            return "SIGSTOP of " + victim.name + " for " + frozen.toMillis() + " ms (lease "
                    + settings.lease().toMillis() + " ms), then SIGCONT";
        });
        if (settings.redisReplicas() > 0) {
            faults.at(load.multipliedBy(42).dividedBy(100), "kill -9 of a Redis master", () -> {
                var master = cluster.redis.aMaster();
                master.process.destroyForcibly().waitFor();
                long killed = System.currentTimeMillis();
                cluster.redis.awaitHealthy();
                long failedOver = System.currentTimeMillis() - killed;
                // Gone for a while, as a machine is: a client that never learnt the new topology fails all along
                // instead of being redirected by the old master's MOVED once it is back.
                Thread.sleep(REDIS_MASTER_AWAY.toMillis());
                master.start();
                cluster.redis.awaitHealthy();
                return "kill -9 of the Redis master on port " + master.port + ": replica promoted in " + failedOver
                        + " ms, old master restarted as its replica " + REDIS_MASTER_AWAY.toSeconds()
                        + " s later";
            });
        }
        faults.at(load.multipliedBy(55).dividedBy(100), "FLUSHALL", () -> {
            int masters = cluster.redis.flushAll();
            return "FLUSHALL on every master (" + masters + ")";
        });
        faults.at(load.multipliedBy(68).dividedBy(100), "kill -9 of a Kafka broker", () -> {
            var broker = cluster.kafka.broker(random.nextInt(cluster.kafka.size()));
            broker.process.destroyForcibly().waitFor();
            Thread.sleep(5_000);
            broker.start();
            // No readiness to ask for: a restarted broker catches up with its partitions in the background.
            Thread.sleep(10_000);
            return "kill -9 of Kafka broker " + broker.id + ", restarted 5 s later";
        });
        faults.at(load.multipliedBy(82).dividedBy(100), "PostgreSQL frozen", () -> {
            var postmaster = cluster.postgres.postmaster();
            Signals.freeze(postmaster);
            Thread.sleep(POSTGRES_FROZEN.toMillis());
            Signals.thaw(postmaster);
            return "SIGSTOP of PostgreSQL (postmaster and every backend) for " + POSTGRES_FROZEN.toMillis()
                    + " ms, then SIGCONT";
        });
        return faults;
    }
}
