package com.acme.orders.benchmarks.driver;

import com.acme.orders.application.deadline.port.PendingDeadline;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;

/**
 * Customers on the front door while a wave of due orders is being cancelled: the two halves of "overload stays
 * graceful". {@link #saturating} places orders from as many clients as keep the front door full, to show whether HTTP
 * load starves the timeout worker; {@link #steady} places and reads orders at a constant rate a shop would see, to show
 * whether a wave of cancellations starves customers. The load runs for the wave's window, from its first deadline.
 */
final class CustomersBeside {

    private static final int CUSTOMERS = 128;
    private static final int ORDERS_TO_READ = 20;

    private final String workload;
    private final int level;
    private final List<String> tokens = new ArrayList<>();
    private final List<List<PendingDeadline>> ordersOf = new ArrayList<>();

    private CustomersBeside(String workload, int level) {
        this.workload = workload;
        this.level = level;
        for (int c = 0; c < CUSTOMERS; c++) {
            tokens.add(Credentials.customerToken("benchmark-customer-" + c));
        }
    }

    /** {@code clients} clients placing orders one after the other, as fast as the service answers. */
    static CustomersBeside saturating(int clients) {
        return new CustomersBeside("busy-door", clients);
    }

    /** Customers placing {@code perSecond} orders a second and reading {@code perSecond} orders a second. */
    static CustomersBeside steady(int perSecond) {
        return new CustomersBeside("busy-engine", perSecond);
    }

    String workload() {
        return workload;
    }

    String describe() {
        return workload.equals("busy-door")
                ? level + " clients placing orders as fast as they are answered"
                : "customers placing " + level + " and reading " + level + " orders a second";
    }

    /** The orders the customers read, due hours later: written before the service starts, so its index has them. */
    void seed(BenchmarkDatabase database) throws Exception {
        var later = Instant.now().plus(Duration.ofHours(3));
        ordersOf.clear();
        for (int c = 0; c < CUSTOMERS; c++) {
            ordersOf.add(database.unpaidOrders("benchmark-customer-" + c, ORDERS_TO_READ, i -> later));
        }
    }

    /** The same load for {@code duration} before the wave, so that the customers' code is compiled when measured. */
    void warmUp(ServiceProcess service, Duration duration) throws InterruptedException {
        run(service, duration);
    }

    /** Starts the load at {@code from}, for {@code duration}; {@link Running#results} waits for its end. */
    Running startAt(ServiceProcess service, Instant from, Duration duration) {
        var running = new Running();
        running.thread = Thread.ofPlatform().name(workload).start(() -> {
            try {
                long wait = Duration.between(Instant.now(), from).toNanos();
                if (wait > 0) {
                    Thread.sleep(Duration.ofNanos(wait));
                }
                running.results = run(service, duration);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        return running;
    }

    static final class Running {
        private @Nullable Thread thread;
        private volatile List<FrontDoorLoad.Result> results = List.of();

        List<FrontDoorLoad.Result> results() throws InterruptedException {
            if (thread != null) {
                thread.join();
            }
            return results;
        }
    }

    private List<FrontDoorLoad.Result> run(ServiceProcess service, Duration duration) throws InterruptedException {
        var unused = new AtomicLong();
        var place = FrontDoorRun.requests("place", tokens, ordersOf, List.of(), unused);
        var placing = new FrontDoorLoad(service.port(), 201);
        if (workload.equals("busy-door")) {
            return List.of(placing.closed("place", level, duration, place));
        }
        var reads = new ArrayList<FrontDoorLoad.Result>(1);
        var reader = Thread.ofVirtual().start(() -> {
            try {
                reads.add(new FrontDoorLoad(service.port(), 200)
                        .open(
                                "get",
                                level,
                                duration,
                                FrontDoorRun.requests("get", tokens, ordersOf, List.of(), unused)));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        var placed = placing.open("place", level, duration, place);
        reader.join();
        var results = new ArrayList<FrontDoorLoad.Result>();
        results.add(placed);
        results.addAll(reads);
        return results;
    }
}
