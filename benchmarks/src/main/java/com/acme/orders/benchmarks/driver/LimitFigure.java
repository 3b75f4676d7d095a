package com.acme.orders.benchmarks.driver;

/** A figure of the physical limit: a server's own benchmark tool running the service's work, with its command. */
record LimitFigure(String tool, String workload, double perSecond, String unit, String command) {
}
