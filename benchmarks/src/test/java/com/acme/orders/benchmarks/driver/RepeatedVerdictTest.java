package com.acme.orders.benchmarks.driver;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class RepeatedVerdictTest {

    @Test
    void a_target_is_met_or_missed_only_when_every_run_agrees() {
        assertThat(RepeatedVerdict.of(List.of(420.0, 480.0, 450.0), it -> it, it -> it <= 500)
                        .verdict())
                .isEqualTo("met");
        assertThat(RepeatedVerdict.of(List.of(520.0, 610.0), it -> it, it -> it <= 500)
                        .verdict())
                .isEqualTo("missed");
        assertThat(RepeatedVerdict.of(List.of(480.0, 516.0, 490.0), it -> it, it -> it <= 500)
                        .verdict())
                .isEqualTo("undecided: met in 2 of 3");
    }

    @Test
    void the_median_and_the_spread_are_those_of_the_runs() {
        var verdict = RepeatedVerdict.of(List.of(516.0, 380.0, 412.0, 450.0), it -> it, it -> it <= 500);

        assertThat(verdict.median()).isEqualTo(431.0);
        assertThat(verdict.describe("p99", " ms")).isEqualTo("p99 431 ms (median of 4 runs, 380 to 516 ms)");
        assertThat(RepeatedVerdict.of(List.of(412.0), it -> it, it -> true).describe("p99", " ms"))
                .isEqualTo("p99 412 ms");
    }
}
