package com.acme.orders.benchmarks.limits;

import java.io.IOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** A tool's command line, run as a subprocess whose output is kept in a log file and returned. */
record Command(List<String> arguments, Map<String, String> environment) {

    Command(List<String> arguments) {
        this(arguments, Map.of());
    }

    /** The output (stdout and stderr together); fails on a non-zero exit or when the tool overruns its time. */
    String run(Path log, Duration timeout) throws IOException, InterruptedException {
        var builder = new ProcessBuilder(arguments).redirectErrorStream(true).redirectOutput(Redirect.to(log.toFile()));
        builder.environment().putAll(environment);
        Process process = builder.start();
        if (!process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
            throw new IOException(this + " did not finish within " + timeout + ", see " + log);
        }
        String output = Files.readString(log);
        if (process.exitValue() != 0) {
            throw new IOException(this + " exited with " + process.exitValue() + ": " + output.strip());
        }
        return output;
    }

    /** The line to paste into a shell; the environment's values (a password) are not shown. */
    @Override
    public String toString() {
        return Stream.concat(
                        environment.keySet().stream().map(name -> name + "=…"),
                        arguments.stream().map(Command::quoted))
                .collect(Collectors.joining(" "));
    }

    private static String quoted(String argument) {
        return argument.matches("[A-Za-z0-9_./:=+@%,-]+") ? argument : "'" + argument.replace("'", "'\\''") + "'";
    }

    /** The tool's path on the PATH, if it is installed. */
    static Optional<Path> onPath(String tool) {
        return Stream.of(System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator))
                .filter(directory -> !directory.isEmpty())
                .map(directory -> Path.of(directory, tool))
                .filter(Files::isExecutable)
                .findFirst();
    }
}
