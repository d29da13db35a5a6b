package io.jproton.mt.pool;

import io.jproton.Container;
import io.jproton.Message;
import io.jproton.ThreadSafe;
import io.jproton.internal.mt.pool.SenderCore;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * A sender that application threads use directly: the thread-safe {@code sender} that Proton C++'s
 * {@code multithreaded_client_flow_control} example builds by hand from a work queue, a mutex and a
 * condition variable, with the outcome of each message as a {@link CompletableFuture}. It has its
 * own connection (to {@link SenderKey#url()}) and one link on it (to {@link SenderKey#address()}),
 * on a multi-threaded container. Get one from a {@link SenderPool}, or open one with
 * {@link #open(Container, SenderKey, SenderPoolOptions)}.
 *
 * <p><b>How a send crosses threads.</b> {@code send} takes room for the message (see below), queues
 * it, and makes sure one task of the connection's {@link io.jproton.WorkQueue} will take the queue
 * (one task per burst, not per message). In the connection's context the message is encoded and
 * written while the link has credit, in order, and waits in order otherwise. The peer's outcome
 * ({@code onTrackerAccept/Reject/Release/Settle}) decides the message, frees its room, and hands
 * its future to the completion executor ({@link SenderPoolOptions#completionExecutor}, by default
 * {@link java.util.concurrent.ForkJoinPool#commonPool()}), where it completes. No lock is held
 * while a future completes, and no future completes on a container thread or inside {@code send}
 * (a future that {@code send} returns already failed has no continuation yet).
 *
 * <p><b>Back-pressure.</b> At most {@link #maxInFlight()} messages are in flight: taken, and
 * without an outcome yet (waiting for credit, or written and not settled by the peer). Past it,
 * {@link #send(Message)} throws {@link SenderFullException} at once and
 * {@link #send(Message, Duration)} waits for room, as the C++ example's {@code send} waits for
 * credit, then throws {@link SenderFullException}. Nothing else holds a message: memory is bounded
 * by {@code maxInFlight} messages whatever the peer does (a message's body is let go once it is
 * written; outcomes waiting for a slow completion executor hold only their future). A waiting thread
 * is woken once per container callback that gave room back. A broker that stops giving credit (a full
 * queue) stops the senders after {@code maxInFlight} messages; one that gives credit but never
 * settles is also bounded by the connection's {@link io.jproton.ConnectionOptions#maxUnsettled}.
 *
 * <p><b>Connection loss.</b> Without reconnect, a lost or closed connection (or a link the peer
 * closes) fails every message in flight with {@link SendFailedException}, and every later
 * {@code send} returns a failed future: the sender is no longer {@link #usable()}, and a pool
 * drops it. With {@link io.jproton.ConnectionOptions#reconnect reconnect} in the key's options,
 * the connection comes back by its {@link io.jproton.ReconnectOptions}; the messages written
 * before the loss fail with {@link SendFailedException#mayHaveArrived()} true when it is back
 * (the container reports a loss only then, as {@code onConnectionOpen} with
 * {@code reconnected()}), and those still waiting for credit go out on the new link. A future is
 * never completed as accepted unless the peer accepted that message; a failed one may still have
 * arrived (at-least-once: resend and expect duplicates).
 *
 * <p>The message: {@code send} takes it without copying and encodes it later, on the connection's
 * thread; do not change it (or its body) after {@code send}.
 *
 * <p>Thread-safety: every method is thread-safe. The blocking ones ({@link #send(Message, Duration)},
 * {@link #awaitOpen}) throw {@link IllegalStateException} on a container thread (in a callback or
 * work), where they could wait for their own connection.
 */
public final class ThreadSafeSender implements AutoCloseable {
    private final SenderCore core;

    private ThreadSafeSender(SenderCore core) {
        this.core = core;
    }

    /**
     * Connects and opens the link; returns at once. Messages sent before the link is open wait for
     * it (within {@code maxInFlight}); {@link #awaitOpen} waits for it.
     *
     * @param container a multi-threaded container, running or about to run (with auto-stop on, the
     *        sender's connection keeps it running until the sender is closed)
     * @param key where and how to connect and send
     * @param options the sender settings among them: {@code maxInFlight}, {@code completionExecutor},
     *        {@code closeTimeout}; the pool settings are ignored
     * @return the sender
     * @throws IllegalArgumentException if the container is not the multi-threaded one, or the URL is bad
     * @throws IllegalStateException if the container is stopping
     */
    @ThreadSafe
    public static ThreadSafeSender open(Container container, SenderKey key, SenderPoolOptions options) {
        return new ThreadSafeSender(SenderCore.open(container, key, new SenderPoolOptions(options)));
    }

    /**
     * Sends a message without blocking.
     *
     * @param message the message; not to be changed afterwards
     * @return completes with the peer's {@link Outcome}, or exceptionally with {@link SendFailedException}
     *         if the message can have none (a message that cannot be encoded fails with the encoder's
     *         exception); already failed if the sender can no longer send
     * @throws SenderFullException if {@link #maxInFlight()} messages are in flight: the message was not taken
     * @throws IllegalStateException if the sender is closed (or returned to its pool)
     * @throws NullPointerException if the message is null
     */
    @ThreadSafe
    public CompletableFuture<Outcome> send(Message message) {
        return core.trySend(message);
    }

    /**
     * Sends a message, waiting for room for it: the C++ example's blocking {@code send}.
     *
     * @param message the message; not to be changed afterwards
     * @param timeout how long to wait for room (millisecond precision in practice)
     * @return as {@link #send(Message)}
     * @throws SenderFullException if no room came within the timeout: the message was not taken
     * @throws InterruptedException if interrupted while waiting: the message was not taken
     * @throws IllegalStateException if closed, or called on a container thread
     */
    @ThreadSafe
    public CompletableFuture<Outcome> send(Message message, Duration timeout) throws InterruptedException {
        return core.send(message, timeout);
    }

    /**
     * Waits until the peer has attached the link.
     *
     * @param timeout how long to wait
     * @return true once the link is open; false if the timeout passed first
     * @throws SendFailedException if the connection or link ended before the link opened (refused,
     *         closed, out of reconnect attempts)
     * @throws InterruptedException if interrupted
     * @throws IllegalStateException if called on a container thread
     */
    @ThreadSafe
    public boolean awaitOpen(Duration timeout) throws InterruptedException {
        return core.awaitOpen(timeout);
    }

    /** @return the key it was opened with */
    @ThreadSafe
    public SenderKey key() {
        return core.key();
    }

    /** @return the most messages in flight ({@link SenderPoolOptions#maxInFlight}) */
    @ThreadSafe
    public int maxInFlight() {
        return core.maxInFlight();
    }

    /** @return the messages in flight now (a snapshot): taken and without an outcome yet */
    @ThreadSafe
    public int inFlight() {
        return core.inFlight();
    }

    /**
     * @return true until the sender is closed or has ended (its connection lost without reconnect,
     *         or closed, or its link closed by the peer); a reconnecting sender stays usable
     */
    @ThreadSafe
    public boolean usable() {
        return core.usable();
    }

    /**
     * Closes the sender: it takes no more messages; those in flight still get their outcomes, for at
     * most {@link SenderPoolOptions#closeTimeout}, then the connection closes (what is left fails
     * with {@link SendFailedException}). Returns at once; a second call does nothing. A {@code send}
     * racing with {@code close} may fail with {@link SendFailedException}.
     */
    @ThreadSafe
    @Override
    public void close() {
        core.close();
    }

    @Override
    public String toString() {
        return "thread-safe-sender(" + core.key() + ", in flight " + core.inFlight() + "/" + core.maxInFlight()
                + (core.usable() ? "" : ", ended: " + core.ended()) + ")";
    }
}
