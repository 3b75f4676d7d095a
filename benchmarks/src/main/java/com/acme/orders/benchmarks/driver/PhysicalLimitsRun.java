package com.acme.orders.benchmarks.driver;

import com.acme.orders.benchmarks.servers.Servers;
import java.util.List;

/** Placeholder until the limits land. */
final class PhysicalLimitsRun {

    private PhysicalLimitsRun() {
    }

    static void measure(Servers servers, List<LimitFigure> limits, List<String> notes) {
        notes.add("the physical limits are not wired yet");
    }
}
