package com.acme.orders.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The Prometheus alerting rules of {@code ops/prometheus}: valid, behaving as their unit tests say, and each explained
 * in the runbook. The first two need Prometheus's {@code promtool}, and are skipped where it is not installed
 * ({@link Promtool}).
 */
class AlertingRulesTest {

    /** Surefire runs the tests of a module in the module's directory. */
    private static final Path RULES =
            Path.of("..", "ops", "prometheus").toAbsolutePath().normalize();

    private static final Path RUNBOOK =
            Path.of("..", "docs", "runbook.md").toAbsolutePath().normalize();
    private static final Pattern ALERT = Pattern.compile("^\\s*- alert: (\\w+)\\s*$", Pattern.MULTILINE);

    @Test
    void the_alerting_rules_are_valid_prometheus_rules() throws Exception {
        var result = promtool("check", "rules", "alerts.yaml");

        assertThat(result.exitCode()).as(result.output()).isZero();
    }

    @Test
    void every_alert_fires_and_stays_quiet_as_its_unit_tests_say() throws Exception {
        var result = promtool("test", "rules", "alerts.test.yaml");

        assertThat(result.exitCode()).as(result.output()).isZero();
    }

    @Test
    void every_alert_has_a_section_in_the_runbook_that_its_annotation_names() throws IOException {
        String rules = Files.readString(RULES.resolve("alerts.yaml"));
        String runbook = Files.readString(RUNBOOK);
        List<String> alerts =
                ALERT.matcher(rules).results().map(it -> it.group(1)).toList();

        assertThat(alerts).hasSizeGreaterThan(5);
        assertThat(alerts).allSatisfy(alert -> {
            assertThat(runbook).contains("\n## " + alert + "\n");
            assertThat(rules).contains("runbook: \"docs/runbook.md#" + alert.toLowerCase(Locale.ROOT) + "\"");
        });
    }

    private static Promtool.Result promtool(String... arguments) throws Exception {
        return Promtool.run(RULES, arguments);
    }
}
