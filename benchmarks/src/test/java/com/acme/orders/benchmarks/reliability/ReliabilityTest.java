package com.acme.orders.benchmarks.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The short version of the reliability run ({@code benchmarks/reliability}, docs/reliability.md), so that a regression
 * in any guarantee fails the build: PostgreSQL, a Redis Cluster of three masters with a replica each, one Kafka broker
 * and two service JVMs, a minute of orders while an instance is killed and another frozen past its lease, a Redis
 * master is killed, every master flushed, the broker killed and PostgreSQL frozen; one instance's clock runs fast.
 */
class ReliabilityTest {

    @Test
    void under_kills_freezes_failover_flushes_and_a_fast_clock_every_guarantee_holds_on_the_whole_history()
            throws Exception {
        var outcome = ReliabilityRun.run(RunSettings.quick(Path.of("target", "reliability-quick")), new String[0]);

        System.out.printf("Reliability run (quick) took %d s%n", outcome.took().toSeconds());
        assertThat(outcome.verdicts())
                .hasSize(7)
                .allSatisfy(verdict -> assertThat(verdict.violations())
                        .as(verdict.guarantee() + " (" + verdict.checked() + " checked)")
                        .isEmpty());
        assertThat(outcome.verdicts())
                .as("every invariant had cases to check")
                .allSatisfy(verdict -> assertThat(verdict.checked()).isPositive());
    }
}
