package io.jproton.internal.mt.pool;

import io.jproton.Message;
import io.jproton.mt.pool.Outcome;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One message taken by a thread-safe sender, from {@code send} until its future completes: the
 * message, its future, and the result once decided. Owned by one thread at a time, handed over
 * through concurrent queues (which order the accesses): the sending thread, then the connection's
 * context, then the completion executor.
 */
final class Pending {
    private static final AtomicLong SECOND_DECISIONS = new AtomicLong();

    /** The message until it is written; then null, so that an outcome waiting for the executor holds no body. */
    Message message;
    final CompletableFuture<Outcome> future = new CompletableFuture<>();
    private boolean decided;
    private Outcome outcome;
    private Throwable failure;

    Pending(Message message) {
        this.message = message;
    }

    /**
     * Records the result, once.
     *
     * @return false if a result had already been recorded (a bug: counted, and the new result dropped)
     */
    boolean decide(Outcome o, Throwable f) {
        if (decided) {
            SECOND_DECISIONS.incrementAndGet();
            return false;
        }
        decided = true;
        outcome = o;
        failure = f;
        return true;
    }

    /** Completes the future with the recorded result; on the completion executor. */
    void complete() {
        if (failure != null) {
            future.completeExceptionally(failure);
        } else {
            future.complete(outcome);
        }
    }

    /**
     * @return how many times, in this JVM, a message's result was decided a second time; 0 unless
     *         the sender has a bug (tests check it)
     */
    static long secondDecisions() {
        return SECOND_DECISIONS.get();
    }
}
