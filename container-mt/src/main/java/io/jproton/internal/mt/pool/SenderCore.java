package io.jproton.internal.mt.pool;

import io.jproton.Connection;
import io.jproton.ConnectionOptions;
import io.jproton.Container;
import io.jproton.ErrorCondition;
import io.jproton.Message;
import io.jproton.WorkQueue;
import io.jproton.internal.io.EventLoop;
import io.jproton.mt.pool.Outcome;
import io.jproton.mt.pool.SendFailedException;
import io.jproton.mt.pool.SenderFullException;
import io.jproton.mt.pool.SenderKey;
import io.jproton.mt.pool.SenderPoolOptions;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The application side of a thread-safe sender: admission (at most {@code maxInFlight} messages
 * without an outcome, {@link Room}), the hand-off of taken messages into the connection's context
 * (a queue drained by one work-queue task per burst), and the decisions that release room and
 * complete futures. The connection side is {@link SenderLink}.
 *
 * <p>Thread-safety: {@link #send}, {@link #trySend}, {@link #close}, {@link #usable},
 * {@link #inFlight} and {@link #awaitOpen} are thread-safe and hold no lock; the package-private
 * methods marked "connection context" run only there.
 */
public final class SenderCore {
    private final SenderKey key;
    private final int maxInFlight;
    private final Room room;
    private final ConcurrentLinkedQueue<Pending> submitted = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean drainScheduled = new AtomicBoolean();
    private final Runnable drain = this::drain;
    private final Completions completions;
    private final SenderLink link;
    private final Connection connection;
    private final WorkQueue workQueue;
    /** Completed in the connection's context when the peer attaches the link, or fails when it cannot. */
    private final CompletableFuture<Void> opened = new CompletableFuture<>();
    /** Why the sender can send no more (the connection or link ended), or null while it can. */
    private volatile ErrorCondition ended;
    private volatile boolean closed;

    private SenderCore(Container container, SenderKey key, SenderPoolOptions options) {
        if (!"mt".equals(container.provider())) {
            throw new IllegalArgumentException("a thread-safe sender needs the multi-threaded container (io.jproton:container-mt "
                    + "on the class path, and not -Djproton.container=st); this container is " + container.provider());
        }
        this.key = key;
        this.maxInFlight = options.maxInFlight();
        this.room = new Room(maxInFlight);
        this.completions = new Completions(options.completionExecutor());
        this.link = new SenderLink(this, key, options.closeTimeout());
        ConnectionOptions co = new ConnectionOptions(key.connectionOptions()).handler(link);
        this.connection = container.connect(key.url(), co); // touched only in its own work, below
        this.workQueue = connection.workQueue();
    }

    /**
     * Connects and opens the link; returns at once (see {@link #awaitOpen}).
     *
     * @param container a multi-threaded container
     * @param key where to send
     * @param options the sender settings
     * @return the sender
     */
    public static SenderCore open(Container container, SenderKey key, SenderPoolOptions options) {
        return new SenderCore(container, key, options);
    }

    /**
     * @return how many times, in this JVM, a message's result was decided a second time (and the
     *         second one dropped): 0 unless a sender has a bug; the tests check it
     */
    public static long secondDecisions() {
        return Pending.secondDecisions();
    }

    /** @return the key */
    public SenderKey key() {
        return key;
    }

    /** @return the most messages in flight */
    public int maxInFlight() {
        return maxInFlight;
    }

    /** @return the messages in flight now: taken and without an outcome yet */
    public int inFlight() {
        return room.used();
    }

    /** @return true until the sender is closed or its connection or link has ended */
    public boolean usable() {
        return !closed && ended == null;
    }

    /** @return why the sender ended, or null */
    public ErrorCondition ended() {
        return ended;
    }

    /**
     * Waits until the peer has attached the link.
     *
     * @return true once open, false if the timeout passed first
     * @throws SendFailedException if the connection or link ended before it opened
     * @throws InterruptedException if interrupted while waiting
     */
    public boolean awaitOpen(Duration timeout) throws InterruptedException {
        refuseOnContainerThread("awaitOpen");
        try {
            opened.get(nanos(timeout), TimeUnit.NANOSECONDS);
            return true;
        } catch (TimeoutException e) {
            return false;
        } catch (ExecutionException e) {
            throw (SendFailedException) e.getCause();
        }
    }

    /** Takes a message if there is room now; never blocks. */
    public CompletableFuture<Outcome> trySend(Message message) {
        CompletableFuture<Outcome> refused = refusal(message);
        if (refused != null) {
            return refused;
        }
        if (!room.tryTake()) {
            throw full("at once");
        }
        return submit(message);
    }

    /** Takes a message, waiting up to {@code timeout} for room. */
    public CompletableFuture<Outcome> send(Message message, Duration timeout) throws InterruptedException {
        refuseOnContainerThread("send(message, timeout)");
        CompletableFuture<Outcome> refused = refusal(message);
        if (refused != null) {
            return refused;
        }
        if (!room.take(nanos(timeout))) {
            throw full("within " + timeout.toMillis() + " ms");
        }
        return submit(message);
    }

    private CompletableFuture<Outcome> refusal(Message message) {
        if (message == null) {
            throw new NullPointerException("message");
        }
        if (closed) {
            throw new IllegalStateException("this sender is closed (" + key + ")");
        }
        ErrorCondition e = ended;
        return e == null ? null : CompletableFuture.failedFuture(notSent(e));
    }

    private SenderFullException full(String when) {
        return new SenderFullException("no room " + when + ": " + maxInFlight + " messages in flight on this sender (" + key
                + "), the most SenderPoolOptions.maxInFlight allows; the peer settles more slowly than the application sends");
    }

    /**
     * @param d a duration
     * @return it in nanoseconds, 0 if negative, saturated at {@code Long.MAX_VALUE / 4} (about 73 years)
     */
    public static long nanos(Duration d) {
        if (d.isNegative()) {
            return 0;
        }
        return d.compareTo(Duration.ofNanos(Long.MAX_VALUE / 4)) > 0 ? Long.MAX_VALUE / 4 : d.toNanos();
    }

    static void refuseOnContainerThread(String what) {
        if (EventLoop.ofCurrentThread() != null) {
            throw new IllegalStateException(what + " would block a container thread (this is a callback or work of the "
                    + "container): call it from an application thread, or use the non-blocking send(message)");
        }
    }

    private CompletableFuture<Outcome> submit(Message message) {
        Pending p = new Pending(message);
        submitted.add(p);
        if (closed && submitted.remove(p)) {
            // close() came between the caller's check and the queueing, and its last drain did not take
            // the message: it is refused as if it had come after close() (SenderPool then sends it on
            // another sender), not failed later as "not sent" by a link that is closing
            room.give();
            throw new IllegalStateException("this sender is closed (" + key + ")");
        }
        if (!drainScheduled.get() && drainScheduled.compareAndSet(false, true) && !workQueue.add(drain)) {
            ended(new ErrorCondition("proton:io", "the connection has finished"));
        }
        if (ended != null) {
            failSubmitted(); // ended while we queued: nothing will drain the queue for us
        }
        return p.future;
    }

    /** Connection context: hands every taken message to the link, in order. */
    private void drain() {
        while (true) {
            Pending p;
            while ((p = submitted.poll()) != null) {
                link.take(p);
            }
            drainScheduled.set(false);
            if (submitted.isEmpty() || !drainScheduled.compareAndSet(false, true)) {
                return;
            }
        }
    }

    private void failSubmitted() {
        Pending p;
        while ((p = submitted.poll()) != null) {
            decide(p, null, notSent(ended));
        }
    }

    private static SendFailedException notSent(ErrorCondition why) {
        return new SendFailedException(new ErrorCondition(why.name(), "not sent: " + why.description()), false);
    }

    /** Closes the sender: no new messages; those in flight get their outcomes first (at most the close timeout). */
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (!workQueue.add(() -> {
            drain(); // whatever was taken before close() goes first
            link.beginClose(connection);
        })) {
            ended(new ErrorCondition("proton:io", "the connection has finished"));
        }
    }

    // ---- decisions (connection context, or the thread that found the queue orphaned)

    /** The connection or link ended: the sender takes no more messages. */
    void ended(ErrorCondition why) {
        if (ended == null) {
            ended = why;
        }
        opened.completeExceptionally(new SendFailedException(new ErrorCondition(why.name(),
                "cannot open a sender (" + key + "): " + why.description()), false));
        failSubmitted();
    }

    /** Connection context: the peer attached the link. */
    void opened() {
        opened.complete(null);
    }

    /** Records a message's result, gives its room back and has its future completed on the executor. */
    void decide(Pending p, Outcome o, Throwable failure) {
        if (p.decide(o, failure)) {
            room.give();
            completions.add(p);
        }
    }
}
