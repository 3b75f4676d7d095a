package com.acme.orders.application.outbox;

import com.acme.orders.application.change.port.Transactions;
import com.acme.orders.application.outbox.port.EventBroker;
import com.acme.orders.application.outbox.port.EventBroker.Failure;
import com.acme.orders.application.outbox.port.OutboxSignal;
import com.acme.orders.application.outbox.port.PendingEvent;
import com.acme.orders.application.outbox.port.PendingEvents;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.jmolecules.architecture.hexagonal.PrimaryPort;

/**
 * Moves committed events from the outbox to the broker: at least once, in order per order.
 *
 * <p>One round is one transaction: claim the relay (one relay at a time across all instances, so two relays never
 * race on the same order), take the next batch, send it and wait for the broker, then delete what was acknowledged
 * and record what failed. A relay that dies anywhere in between rolls back: its batch stays in the outbox and is sent
 * again, with the same event ids, by the next round. That is the only source of duplicates. The transaction stays
 * open while the broker acknowledges; the producer's delivery timeout bounds that wait.
 */
@PrimaryPort
public class RelayOutbox {

    private static final System.Logger log = System.getLogger(RelayOutbox.class.getName());

    private final PendingEvents outbox;
    private final EventBroker broker;
    private final OutboxSignal signal;
    private final Transactions transactions;
    private final Settings settings;
    private final Clock clock;

    public RelayOutbox(
            PendingEvents outbox,
            EventBroker broker,
            OutboxSignal signal,
            Transactions transactions,
            Settings settings,
            Clock clock) {
        this.outbox = outbox;
        this.broker = broker;
        this.signal = signal;
        this.transactions = transactions;
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * @param batchSize    events per round; each round is one transaction and one wait for the broker
     * @param maxAttempts  failed sends after which an event is parked instead of retried
     * @param pollInterval the longest an event waits when the commit signal was missed (another instance committed it)
     * @param firstRetry   the first backoff, doubled on every further failure up to {@code maxRetry}
     * @param gather       how long the relay lets events gather after a round that was not full, before the next
     *                     round; under a steady stream of commits every round would otherwise carry the two or three
     *                     events committed during the last one, and pay a transaction and a broker round trip for them
     */
    public record Settings(
            int batchSize,
            int maxAttempts,
            Duration pollInterval,
            Duration firstRetry,
            Duration maxRetry,
            Duration gather) {

        public static final Settings DEFAULTS = new Settings(
                2_000,
                10,
                Duration.ofMillis(500),
                Duration.ofMillis(200),
                Duration.ofSeconds(30),
                Duration.ofMillis(10));

        Duration backoff(int failures) {
            long factor = 1L << Math.min(Math.max(failures - 1, 0), 20);
            Duration wait = firstRetry.multipliedBy(factor);
            return wait.compareTo(maxRetry) > 0 ? maxRetry : wait;
        }
    }

    /**
     * What one round did. {@code moreMayWait} means the round found events, so more may be waiting right now: a batch
     * holds one event per order, so a round can come back short although later events of its orders still wait.
     */
    public record Round(
            int sent,
            int retried,
            int parked,
            boolean brokerUnavailable,
            boolean anotherRelayBusy,
            boolean moreMayWait) {

        static final Round BUSY = new Round(0, 0, 0, false, true, false);
        static final Round IDLE = new Round(0, 0, 0, false, false, false);
    }

    public Round relayOnce() {
        return transactions.inTransaction(() -> {
            if (!outbox.claimRelay()) {
                return Round.BUSY;
            }
            var now = clock.instant();
            List<PendingEvent> batch = outbox.nextBatch(settings.batchSize(), now);
            if (batch.isEmpty()) {
                return Round.IDLE;
            }
            var delivery = broker.send(batch);
            if (delivery.brokerUnavailable()) {
                // An outage is not the events' fault: nobody's attempts are counted, so none is parked for it.
                return new Round(0, 0, 0, true, false, false);
            }
            outbox.published(batch.stream()
                    .filter(it -> delivery.sent().contains(it.eventId()))
                    .toList());
            int parked = 0;
            for (var event : batch) {
                Failure failure = delivery.failed().get(event.eventId());
                if (failure != null && recordFailure(event, failure, now)) {
                    parked++;
                }
            }
            int failed = delivery.failed().size();
            return new Round(delivery.sent().size(), failed - parked, parked, false, false, true);
        });
    }

    /** @return true when the event was parked */
    private boolean recordFailure(PendingEvent event, Failure failure, Instant now) {
        int failures = event.attempts() + 1;
        boolean park = failures >= settings.maxAttempts();
        outbox.failed(event, failure.reason(), now.plus(settings.backoff(failures)), park);
        if (park) {
            log.log(
                    System.Logger.Level.ERROR,
                    "Parked event {0} ({1}) of order {2} after {3} failed sends: {4}; "
                            + "the later events of this order wait until it is resolved",
                    event.eventId(),
                    event.type(),
                    event.key(),
                    failures,
                    failure.reason());
        }
        return park;
    }

    /**
     * Relays until {@code running} turns false or the thread is interrupted: straight on while rounds find events,
     * woken by the commit signal (or the poll interval) when the outbox is drained, backing off while the broker is
     * unreachable or a round fails.
     */
    public void relayWhileRunning(BooleanSupplier running) throws InterruptedException {
        int troubledRounds = 0;
        while (running.getAsBoolean() && !Thread.currentThread().isInterrupted()) {
            Round round;
            try {
                round = relayOnce();
            } catch (RuntimeException e) {
                log.log(System.Logger.Level.WARNING, "Outbox relay round failed; its batch stays in the outbox", e);
                round = null;
            }
            if (round == null || round.brokerUnavailable()) {
                troubledRounds++;
                Thread.sleep(settings.backoff(troubledRounds));
            } else {
                troubledRounds = 0;
                if (!round.moreMayWait()) {
                    signal.awaitNewEvents(settings.pollInterval());
                } else if (round.sent() + round.retried() + round.parked() < settings.batchSize()
                        && settings.gather().isPositive()) {
                    Thread.sleep(settings.gather());
                }
            }
        }
    }
}
