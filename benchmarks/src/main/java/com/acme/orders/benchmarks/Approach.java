package com.acme.orders.benchmarks;

/**
 * The ways of cancelling unpaid orders at their deadline that the benchmark compares, on the same data and the same
 * servers. Every approach cancels through the service's own use cases (the aggregate decides, the outbox carries the
 * event to Kafka), so what differs between them is only how due orders are found.
 */
public enum Approach {

    /** This service: the Redis sorted-set deadline index, claimed in batches by the timeout worker. */
    SERVICE("service", "this service (Redis deadline index, batched claims)"),
    /** The seed's cron job: read every unpaid order every few seconds and cancel those whose Redis key is gone. */
    SCAN("scan", "seed: scan all unpaid orders + Redis key check"),
    /** The seed's keyspace notifications: a key per order expires at the deadline, a subscriber cancels the order. */
    KEYSPACE("keyspace", "seed: Redis keyspace notifications on expired keys"),
    /** What a db-scheduler user would build: poll the unpaid-by-deadline index with FOR UPDATE SKIP LOCKED. */
    SKIP_LOCKED("skip-locked", "database poll with SKIP LOCKED"),
    /** Redisson's RDelayedQueue: each order offered with its delay, a consumer takes it when due. */
    REDISSON("redisson", "Redisson RDelayedQueue");

    private final String id;
    private final String label;

    Approach(String id, String label) {
        this.id = id;
        this.label = label;
    }

    /** The value of {@code benchmark.approach} that selects it in {@code BenchmarkedService}, and its name in the CSV. */
    public String id() {
        return id;
    }

    public String label() {
        return label;
    }

    public static Approach of(String id) {
        for (Approach it : values()) {
            if (it.id.equals(id)) {
                return it;
            }
        }
        throw new IllegalArgumentException("unknown approach " + id);
    }
}
