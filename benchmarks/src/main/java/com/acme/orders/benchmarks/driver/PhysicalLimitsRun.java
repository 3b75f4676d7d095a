package com.acme.orders.benchmarks.driver;

import com.acme.orders.benchmarks.limits.LimitResult;
import com.acme.orders.benchmarks.limits.PhysicalLimits;
import com.acme.orders.benchmarks.servers.Servers;
import java.nio.file.Path;
import java.util.List;

/** The physical limits, with the reason in the report when a tool is missing. */
final class PhysicalLimitsRun {

    private PhysicalLimitsRun() {}

    static void measure(Servers servers, List<LimitResult> limits, List<String> notes) {
        PhysicalLimits.unavailable().ifPresent(notes::add);
        limits.addAll(new PhysicalLimits().measure(servers, Path.of("benchmarks/target/limits")));
        if (limits.isEmpty() && notes.isEmpty()) {
            notes.add("pgbench and redis-benchmark failed; see the driver's output");
        }
    }
}
