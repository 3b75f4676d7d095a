package com.acme.orders.benchmarks.service;

import com.acme.orders.benchmarks.approaches.CompetingApproaches;
import com.acme.orders.bootstrap.OrderServiceApplication;
import org.springframework.boot.SpringApplication;

/**
 * The service under measurement, in a JVM of its own that the driver starts for each run: the shipped application
 * exactly as {@code OrderServiceApplication} wires it, plus, when {@code benchmark.approach} names a competitor, that
 * competitor's trigger (with {@code orders.timeouts.worker-enabled=false}, so that only the competitor cancels),
 * and the front door's baseline, {@link TrivialEndpoint}.
 */
public final class BenchmarkedService {

    private BenchmarkedService() {}

    public static void main(String[] args) {
        new SpringApplication(OrderServiceApplication.class, CompetingApproaches.class, TrivialEndpoint.class)
                .run(args);
    }
}
