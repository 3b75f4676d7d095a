package com.acme.orders.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Prometheus's {@code promtool} (Debian package {@code prometheus}; {@code .ci/run} installs it when it can). Where it
 * is not on the {@code PATH}, the test that asks for it is skipped, with a line in the log saying so, because the
 * README promises a build that needs nothing but a JDK and Maven Central.
 */
final class Promtool {

    private static final Logger log = LoggerFactory.getLogger(Promtool.class);

    record Result(int exitCode, String output) {}

    private Promtool() {}

    /** Runs promtool with these arguments in {@code directory}; skips the calling test where promtool is absent. */
    static Result run(Path directory, String... arguments) throws Exception {
        Optional<Path> promtool = onPath("promtool");
        if (promtool.isEmpty()) {
            log.warn(
                    "promtool is not on the PATH: the Prometheus files in {} are not checked. Install it with "
                            + "apt-get install prometheus (Debian, Ubuntu) to check them.",
                    directory);
        }
        assumeTrue(promtool.isPresent(), "promtool is not on the PATH (apt-get install prometheus)");
        List<String> command = new ArrayList<>();
        command.add(promtool.get().toString());
        command.addAll(Arrays.asList(arguments));
        var process = new ProcessBuilder(command)
                .directory(directory.toFile())
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
