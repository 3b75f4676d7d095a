package com.acme.orders.benchmarks.reliability;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Real signals to real processes: {@code kill -STOP}, {@code -CONT} and {@code -9}. The JDK only sends TERM and
 * KILL, and a frozen process (SIGSTOP) is the fault that a long garbage-collection pause or a paused VM causes.
 */
final class Signals {

    private Signals() {}

    static void freeze(ProcessHandle process) {
        send("-STOP", withDescendants(process));
    }

    static void thaw(ProcessHandle process) {
        send("-CONT", withDescendants(process));
    }

    static void kill(ProcessHandle process) {
        send("-9", List.of(process));
    }

    /** PostgreSQL works in one process per connection: freezing the postmaster alone would freeze nothing. */
    private static List<ProcessHandle> withDescendants(ProcessHandle process) {
        var all = new ArrayList<ProcessHandle>();
        all.add(process);
        process.descendants().forEach(all::add);
        return all;
    }

    private static void send(String signal, List<ProcessHandle> processes) {
        var command = new ArrayList<String>(List.of("kill", signal));
        processes.forEach(it -> command.add(Long.toString(it.pid())));
        try {
            int exit = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start()
                    .waitFor();
            // A child that ended meanwhile (a PostgreSQL backend whose client left) makes kill exit 1: only the
            // process itself must have got the signal.
            if (exit != 0 && processes.getFirst().isAlive()) {
                throw new IllegalStateException(String.join(" ", command) + " exited with " + exit);
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + command, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted sending " + signal, e);
        }
    }
}
