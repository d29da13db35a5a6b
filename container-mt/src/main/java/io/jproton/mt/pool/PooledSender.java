package io.jproton.mt.pool;

import io.jproton.Message;
import io.jproton.ThreadSafe;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A sender borrowed from a {@link SenderPool}, until {@link #close()} returns it: a lease on one
 * {@link ThreadSafeSender}. While borrowed, no other borrower gets that sender; the lease itself
 * may still be used by several threads. Use it in try-with-resources:
 *
 * <pre>{@code
 * try (PooledSender s = pool.borrow(key)) {
 *     s.send(message, Duration.ofSeconds(5)).thenAccept(outcome -> ...);
 * }
 * }</pre>
 *
 * <p>Returning it does not wait for the outcomes: the messages in flight keep going, and the next
 * borrower shares the sender's room ({@link SenderPoolOptions#maxInFlight}) with them.
 *
 * <p>Thread-safety: every method is thread-safe. After {@link #close()} or {@link #invalidate()},
 * {@code send} throws {@link IllegalStateException}.
 */
public final class PooledSender implements AutoCloseable {
    private final SenderPool pool;
    private final ThreadSafeSender sender;
    private final AtomicBoolean returned = new AtomicBoolean();

    PooledSender(SenderPool pool, ThreadSafeSender sender) {
        this.pool = pool;
        this.sender = sender;
    }

    private ThreadSafeSender sender() {
        if (returned.get()) {
            throw new IllegalStateException("this pooled sender was returned to its pool: borrow another");
        }
        return sender;
    }

    /**
     * As {@link ThreadSafeSender#send(Message)}: never blocks.
     *
     * @param message the message; not to be changed afterwards
     * @return the outcome's future
     * @throws SenderFullException if the sender has no room now
     */
    @ThreadSafe
    public CompletableFuture<Outcome> send(Message message) {
        return sender().send(message);
    }

    /**
     * As {@link ThreadSafeSender#send(Message, Duration)}: waits up to the timeout for room.
     *
     * @param message the message; not to be changed afterwards
     * @param timeout how long to wait for room
     * @return the outcome's future
     * @throws SenderFullException if no room came in time
     * @throws InterruptedException if interrupted while waiting
     */
    @ThreadSafe
    public CompletableFuture<Outcome> send(Message message, Duration timeout) throws InterruptedException {
        return sender().send(message, timeout);
    }

    /** @return the key it was borrowed for */
    @ThreadSafe
    public SenderKey key() {
        return sender.key();
    }

    /** @return the messages in flight on the sender now */
    @ThreadSafe
    public int inFlight() {
        return sender.inFlight();
    }

    /** @return whether the sender can still send (see {@link ThreadSafeSender#usable()}) */
    @ThreadSafe
    public boolean usable() {
        return sender.usable();
    }

    /** Returns the sender to its pool (a sender that is no longer usable is closed instead); a second call does nothing. */
    @ThreadSafe
    @Override
    public void close() {
        if (returned.compareAndSet(false, true)) {
            pool.giveBack(sender);
        }
    }

    /** Closes the sender and drops it from the pool instead of returning it; nothing if already returned. */
    @ThreadSafe
    public void invalidate() {
        if (returned.compareAndSet(false, true)) {
            pool.drop(sender);
        }
    }

    @Override
    public String toString() {
        return "pooled-" + sender + (returned.get() ? " (returned)" : "");
    }
}
