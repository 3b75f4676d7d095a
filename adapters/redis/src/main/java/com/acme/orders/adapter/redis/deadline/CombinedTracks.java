package com.acme.orders.adapter.redis.deadline;

import com.acme.orders.application.deadline.port.PendingDeadline;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * The tracks of orders placed at the same moment, sent to Redis together by one of their callers while the others wait
 * (flat combining). Every placement tracks its order after the commit; sent one by one, each write handed a task to
 * the Redis client's event loop and woke it, a tenth of the service's CPU per placement (docs/front-door.md). A caller
 * returns once its own order is tracked, or with the failure of the write that carried it, as it did alone: nothing
 * is left in memory for later.
 */
final class CombinedTracks {

    private static final class Waiting {
        final PendingDeadline deadline;
        volatile boolean sent;
        volatile @Nullable RuntimeException failure;

        Waiting(PendingDeadline deadline) {
            this.deadline = deadline;
        }
    }

    private final Queue<Waiting> waiting = new ConcurrentLinkedQueue<>();
    private final ReentrantLock sending = new ReentrantLock();
    private final Consumer<List<PendingDeadline>> sendTogether;

    /** {@code sendTogether} writes all the given deadlines, throwing if any of them may not be written. */
    CombinedTracks(Consumer<List<PendingDeadline>> sendTogether) {
        this.sendTogether = sendTogether;
    }

    void track(PendingDeadline deadline) {
        var mine = new Waiting(deadline);
        waiting.add(mine);
        // Whoever holds the lock sends everything waiting, this order included if it came in time; a caller whose order
        // went with an earlier sender finds it sent once that sender is done and leaves.
        sending.lock();
        try {
            if (!mine.sent) {
                sendWaiting();
            }
        } finally {
            sending.unlock();
        }
        RuntimeException failure = mine.failure;
        if (failure != null) {
            throw failure;
        }
    }

    private void sendWaiting() {
        var batch = new ArrayList<Waiting>();
        Waiting next;
        while ((next = waiting.poll()) != null) {
            batch.add(next);
        }
        RuntimeException failure = null;
        try {
            sendTogether.accept(batch.stream().map(it -> it.deadline).toList());
        } catch (RuntimeException e) {
            failure = e;
        }
        for (Waiting it : batch) {
            it.failure = failure;
            it.sent = true;
        }
    }
}
