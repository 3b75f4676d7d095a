package com.acme.orders.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Prometheus alerting rules of {@code ops/prometheus}: valid, behaving as their unit tests say, and each explained
 * in the runbook. The first two need Prometheus's {@code promtool} (Debian package {@code prometheus}; {@code .ci/run}
 * installs it when it can); where it is not installed they are skipped, with a line in the log saying so, because the
 * README promises a build that needs nothing but a JDK and Maven Central.
 */
class AlertingRulesTest {

    private static final Logger log = LoggerFactory.getLogger(AlertingRulesTest.class);
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

    private record Result(int exitCode, String output) {}

    private static Result promtool(String... arguments) throws Exception {
        Optional<Path> promtool = onPath("promtool");
        if (promtool.isEmpty()) {
            log.warn(
                    "promtool is not on the PATH: the alerting rules in {} are not checked. Install it with "
                            + "apt-get install prometheus (Debian, Ubuntu) to check them.",
                    RULES);
        }
        assumeTrue(promtool.isPresent(), "promtool is not on the PATH (apt-get install prometheus)");
        var command = new ArrayList<String>();
        command.add(promtool.get().toString());
        command.addAll(Arrays.asList(arguments));
        var process = new ProcessBuilder(command)
                .directory(RULES.toFile())
                .redirectErrorStream(true)
                .start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Result(process.exitValue(), output);
    }

    private static Optional<Path> onPath(String program) {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        return Arrays.stream(path.split(File.pathSeparator))
                .map(directory -> Path.of(directory, program))
                .filter(Files::isExecutable)
                .findFirst();
    }
}
