package com.acme.orders.benchmarks.reliability;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The faults of a run, each at its time after the load began: the schedule is fixed (every kind of fault once, in the
 * same order), the exact moments and the victims are drawn from the run's seed, so that a run can be repeated exactly
 * and different seeds hit different moments of the work (a batch in flight, a relay round, a claim).
 */
final class Faults {

    private static final Logger log = LoggerFactory.getLogger(Faults.class);

    /** A fault as it happened, for the report and the chart: from the first signal to the last recovery step. */
    record Fault(String what, long startMillis, long endMillis) {}

    interface Injection {
        /** Injects the fault and undoes it (restart, resume), returning when the system is whole again. */
        String inject() throws Exception;
    }

    record Step(Duration at, String name, Injection injection) {}

    private final List<Step> steps = new ArrayList<>();
    private final List<Fault> happened = new CopyOnWriteArrayList<>();
    private final Random random;
    private final Duration jitter;

    Faults(long seed, Duration jitter) {
        this.random = new Random(seed);
        this.jitter = jitter;
    }

    Random random() {
        return random;
    }

    void at(Duration at, String name, Injection injection) {
        long shift = jitter.isZero() ? 0 : random.nextLong(-jitter.toMillis(), jitter.toMillis() + 1);
        steps.add(new Step(at.plusMillis(shift), name, injection));
    }

    /** Runs the schedule on a thread of its own, from now. */
    Thread start() {
        long begin = System.currentTimeMillis();
        var ordered =
                steps.stream().sorted(java.util.Comparator.comparing(Step::at)).toList();
        return Thread.ofPlatform().name("faults").start(() -> {
            for (Step step : ordered) {
                long wait = begin + step.at().toMillis() - System.currentTimeMillis();
                try {
                    if (wait > 0) {
                        Thread.sleep(wait);
                    }
                    long start = System.currentTimeMillis();
                    log.info("Fault: {}", step.name());
                    String what = step.injection().inject();
                    happened.add(new Fault(what, start, System.currentTimeMillis()));
                    log.info("Fault over: {} ({} ms)", what, System.currentTimeMillis() - start);
                } catch (InterruptedException e) {
                    return;
                } catch (Exception e) {
                    log.error("Fault {} could not be injected", step.name(), e);
                    happened.add(new Fault(
                            step.name() + " FAILED: " + e, System.currentTimeMillis(), System.currentTimeMillis()));
                }
            }
        });
    }

    void note(Fault fault) {
        happened.add(fault);
    }

    List<Fault> happened() {
        return happened.stream()
                .sorted(java.util.Comparator.comparingLong(Fault::startMillis))
                .toList();
    }
}
