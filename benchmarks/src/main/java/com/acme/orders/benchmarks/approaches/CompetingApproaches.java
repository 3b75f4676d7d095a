package com.acme.orders.benchmarks.approaches;

import org.springframework.context.annotation.Configuration;

/**
 * The competitors' triggers, each switched on by {@code benchmark.approach}. Placeholder until the approaches land.
 */
@Configuration(proxyBeanMethods = false)
public class CompetingApproaches {
}
