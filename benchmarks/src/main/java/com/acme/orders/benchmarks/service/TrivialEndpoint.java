package com.acme.orders.benchmarks.service;

import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The front door's baseline: the cheapest request the service's HTTP stack can answer, behind everything a customer's
 * request passes (the in-flight limit and body limit under {@code /v1}, the security filter chain with its bearer
 * token, Jackson writing the answer), and nothing else: no database, no Redis. The ratio of an endpoint's rate to
 * this one's is what the endpoint's own work costs. Only the benchmarked service has it, never the shipped one.
 */
@RestController
public class TrivialEndpoint {

    public static final String PATH = "/v1/benchmark/trivial";

    @GetMapping(PATH)
    Map<String, Object> answer() {
        return Map.of("ok", true);
    }
}
