package com.acme.orders.benchmarks.limits;

/**
 * One physical limit: what a tool reached on the benchmark's own servers for a workload, and the exact command line
 * it ran, so that anyone can repeat it by hand.
 */
public record LimitResult(String tool, String workload, double perSecond, String unit, String command) {}
