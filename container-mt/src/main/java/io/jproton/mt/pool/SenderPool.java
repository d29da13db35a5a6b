package io.jproton.mt.pool;

import io.jproton.Container;
import io.jproton.Message;
import io.jproton.ProtonException;
import io.jproton.ThreadSafe;
import io.jproton.internal.mt.pool.SenderCore;
import io.jproton.internal.mt.pool.SenderFactory;
import java.time.Duration;
import java.util.NoSuchElementException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.commons.pool2.impl.GenericKeyedObjectPool;
import org.apache.commons.pool2.impl.GenericKeyedObjectPoolConfig;

/**
 * A pool of {@link ThreadSafeSender}s (each a connection with one link), keyed by
 * {@link SenderKey} (URL, address, options), so that many application threads send through a few
 * connections without each opening its own: what pooled-jms does for JMS connections and
 * sessions, on the same Apache Commons Pool 2 ({@code GenericKeyedObjectPool}).
 *
 * <pre>{@code
 * Container container = new Container(handler);          // container-mt on the class path
 * container.autoStop(false);                              // the pool opens and closes connections as it goes
 * new Thread(container::run).start();
 * SenderPool pool = new SenderPool(container, new SenderPoolOptions().maxPerKey(4));
 * SenderKey key = SenderKey.of("amqp://127.0.0.1:5672", "orders");
 * // on any application thread:
 * pool.send(key, new Message("hello"), Duration.ofSeconds(5))
 *     .thenAccept(outcome -> System.out.println(outcome));   // ACCEPTED, REJECTED(...), RELEASED, MODIFIED
 * }</pre>
 *
 * <p>What the pool does:
 * <ul>
 * <li><b>Borrow and return.</b> {@link #borrow} lends a sender to one borrower until the
 *     {@link PooledSender} is closed. {@link #send} shares the key's senders instead: it borrows
 *     one, returns it at once and sends on it (the sender is thread-safe), waiting for room. Senders
 *     are lent in turn (first returned, first lent), so the load spreads over the key's connections.
 * <li><b>Bounds.</b> At most {@link SenderPoolOptions#maxPerKey} senders per key and
 *     {@link SenderPoolOptions#maxTotal} in all; a borrow that finds none free waits up to the
 *     borrow timeout, then throws {@link PoolExhaustedException}. At the total bound, a key with
 *     none free takes the place of another key's longest idle sender.
 * <li><b>Validation.</b> A sender is checked when borrowed, when returned and while idle: one whose
 *     connection was lost for good or closed by the peer (or whose link the peer closed) is closed
 *     and never lent; a borrow then opens a new one. A sender whose connection is reconnecting (by
 *     the key's {@link io.jproton.ReconnectOptions}) stays valid.
 * <li><b>Idle eviction.</b> Every {@link SenderPoolOptions#evictionInterval}, senders idle for
 *     {@link SenderPoolOptions#idleTimeout} are closed (on Commons Pool's evictor thread).
 * <li><b>Opening.</b> A new sender is opened on the borrowing thread, which waits until the peer
 *     attaches its link, up to {@link SenderPoolOptions#openTimeout}; a failure throws
 *     {@link SendFailedException} with the connection's error (such as {@code proton:io} for a
 *     refused connection, when the key's options do not reconnect).
 * </ul>
 *
 * <p>The container must be the multi-threaded one and must keep running while the pool is used:
 * with auto-stop on, it stops once no connection is left, and an emptied pool then cannot
 * connect again ({@link IllegalStateException} "container is stopping"). Closing the pool does
 * not stop the container.
 *
 * <p>Thread-safety: every method is thread-safe. The blocking ones ({@link #borrow},
 * {@link #send}) throw {@link IllegalStateException} on a container thread (in a callback or work).
 */
public final class SenderPool implements AutoCloseable {
    private final GenericKeyedObjectPool<SenderKey, ThreadSafeSender> pool;
    private final SenderPoolOptions options;

    /**
     * A pool with the default {@link SenderPoolOptions}.
     *
     * @param container a multi-threaded container
     */
    public SenderPool(Container container) {
        this(container, new SenderPoolOptions());
    }

    /**
     * @param container a multi-threaded container
     * @param options the pool's and its senders' settings (copied)
     * @throws IllegalArgumentException if the container is not the multi-threaded one
     */
    public SenderPool(Container container, SenderPoolOptions options) {
        if (!"mt".equals(container.provider())) {
            throw new IllegalArgumentException("a sender pool needs the multi-threaded container (io.jproton:container-mt "
                    + "on the class path, and not -Djproton.container=st); this container is " + container.provider());
        }
        this.options = new SenderPoolOptions(options);
        GenericKeyedObjectPoolConfig<ThreadSafeSender> cfg = new GenericKeyedObjectPoolConfig<>();
        cfg.setMaxTotalPerKey(this.options.maxPerKey());
        cfg.setMaxIdlePerKey(this.options.maxPerKey());
        cfg.setMinIdlePerKey(0);
        cfg.setMaxTotal(this.options.maxTotal());
        cfg.setLifo(false); // lend in turn: the key's senders share the load
        cfg.setBlockWhenExhausted(true);
        cfg.setMaxWait(this.options.borrowTimeout());
        cfg.setTestOnBorrow(true);
        cfg.setTestOnReturn(true);
        cfg.setTestWhileIdle(true);
        cfg.setMinEvictableIdleDuration(this.options.idleTimeout());
        cfg.setTimeBetweenEvictionRuns(this.options.evictionInterval().isZero() ? Duration.ofMillis(-1)
                : this.options.evictionInterval());
        cfg.setNumTestsPerEvictionRun(-1); // every idle sender, each run
        cfg.setJmxEnabled(false);
        this.pool = new GenericKeyedObjectPool<>(new SenderFactory(container, this.options), cfg);
    }

    /**
     * Borrows a sender for the key, waiting up to {@link SenderPoolOptions#borrowTimeout} for a free one.
     *
     * @param key where to send
     * @return the lease; close it to return the sender
     * @throws PoolExhaustedException if none became free in time
     * @throws SendFailedException if a new sender could not be opened
     * @throws InterruptedException if interrupted while waiting
     * @throws IllegalStateException if the pool is closed, or on a container thread
     */
    @ThreadSafe
    public PooledSender borrow(SenderKey key) throws InterruptedException {
        return borrow(key, options.borrowTimeout());
    }

    /**
     * As {@link #borrow(SenderKey)}, with its own timeout.
     *
     * @param key where to send
     * @param timeout how long to wait for a free sender, zero or positive (millisecond precision)
     * @return the lease
     * @throws PoolExhaustedException if none became free in time
     * @throws SendFailedException if a new sender could not be opened
     * @throws InterruptedException if interrupted while waiting
     */
    @ThreadSafe
    public PooledSender borrow(SenderKey key, Duration timeout) throws InterruptedException {
        return new PooledSender(this, take(key, timeout));
    }

    private ThreadSafeSender take(SenderKey key, Duration timeout) throws InterruptedException {
        if (key == null) {
            throw new NullPointerException("key");
        }
        if (timeout.isNegative()) {
            throw new IllegalArgumentException("timeout must not be negative: " + timeout);
        }
        if (io.jproton.internal.io.EventLoop.ofCurrentThread() != null) {
            throw new IllegalStateException("borrowing a sender would block a container thread (this is a callback or work "
                    + "of the container): call from an application thread");
        }
        if (pool.isClosed()) {
            throw poolClosed();
        }
        try {
            return pool.borrowObject(key, TimeUnit.NANOSECONDS.toMillis(SenderCore.nanos(timeout)));
        } catch (NoSuchElementException e) {
            if (e.getCause() == null && String.valueOf(e.getMessage()).startsWith("Timeout")) {
                throw new PoolExhaustedException("no sender free for " + key + " within " + timeout.toMillis()
                        + " ms: " + pool.getNumActive(key) + " borrowed of at most " + options.maxPerKey() + " for the key, "
                        + pool.getNumActive() + " borrowed and " + pool.getNumIdle() + " idle of at most " + options.maxTotal()
                        + " in the pool");
            }
            throw new ProtonException("no usable sender for " + key + ": " + e.getMessage(), e);
        } catch (IllegalStateException e) {
            throw pool.isClosed() ? poolClosed() : e;
        } catch (RuntimeException | InterruptedException e) {
            throw e;
        } catch (Exception e) {
            throw new ProtonException("cannot borrow a sender for " + key + ": " + e, e);
        }
    }

    private static IllegalStateException poolClosed() {
        return new IllegalStateException("the sender pool is closed");
    }

    /**
     * Sends a message through one of the key's senders, taking turns among them: borrows a sender
     * (opening one if none is free and the key has fewer than {@code maxPerKey}), returns it at once,
     * and sends on it if it has room; if not, tries the next one, and once every sender of the key
     * has been tried, waits for room on the last; the whole call waits at most {@code timeout},
     * except that opening a new sender may take up to {@link SenderPoolOptions#openTimeout} whatever
     * is left of it (the connection is not abandoned half open). A negative timeout counts as zero. The
     * sender is thread-safe, so it stays usable by other callers while this one sends: {@code send}
     * shares the key's senders among all threads, where {@link #borrow} lends one to a single
     * borrower. Successive messages of one thread may go out on different connections, so they may
     * arrive out of order; a thread that needs its order keeps one sender ({@link #borrow}).
     *
     * @param key where to send
     * @param message the message; not to be changed afterwards
     * @param timeout the most this call waits, for a free sender and then for room on it
     * @return completes with the peer's {@link Outcome}, or exceptionally with {@link SendFailedException}
     * @throws PoolExhaustedException if no sender became free in time
     * @throws SenderFullException if the sender had no room in time
     * @throws SendFailedException if a new sender could not be opened
     * @throws InterruptedException if interrupted while waiting: the message was not taken
     * @throws IllegalStateException if the pool is closed, or on a container thread
     * @throws NullPointerException if the message, the key or the timeout is null
     */
    @ThreadSafe
    public CompletableFuture<Outcome> send(SenderKey key, Message message, Duration timeout) throws InterruptedException {
        if (message == null) {
            throw new NullPointerException("message");
        }
        long deadline = System.nanoTime() + SenderCore.nanos(timeout);
        while (true) {
            ThreadSafeSender s = null;
            try {
                // one turn over the key's senders without waiting: one that is full does not hold the message up
                for (int i = 0; i < options.maxPerKey(); i++) {
                    s = take(key, Duration.ofNanos(Math.max(0, deadline - System.nanoTime())));
                    giveBack(s); // shared from here: the next caller may send on it too
                    try {
                        return s.send(message);
                    } catch (SenderFullException full) {
                        // try the next one
                    }
                }
                return s.send(message, Duration.ofNanos(Math.max(0, deadline - System.nanoTime()))); // all full: wait on one
            } catch (IllegalStateException closed) {
                if (s == null || s.usable() || pool.isClosed()) {
                    throw pool.isClosed() ? poolClosed() : closed; // not a sender closed under us
                }
                // The pool closed that sender in between: a sender given back is idle as far as Commons Pool
                // knows, and it may destroy idle senders (eviction, or to make room for a new one). The message
                // was not taken: try again on another sender while time is left.
                if (System.nanoTime() - deadline >= 0) {
                    return CompletableFuture.failedFuture(new SendFailedException(new io.jproton.ErrorCondition("proton:closed",
                            "not sent: the pool closed the sender (" + key + ") as the message was sent, and no other was "
                                    + "free in time"), false));
                }
            }
        }
    }

    void giveBack(ThreadSafeSender sender) {
        pool.returnObject(sender.key(), sender);
    }

    void drop(ThreadSafeSender sender) {
        try {
            pool.invalidateObject(sender.key(), sender);
        } catch (Exception e) {
            sender.close();
        }
    }

    /** @return the senders borrowed now, all keys */
    @ThreadSafe
    public int borrowed() {
        return pool.getNumActive();
    }

    /**
     * @param key a key
     * @return the senders of that key borrowed now
     */
    @ThreadSafe
    public int borrowed(SenderKey key) {
        return pool.getNumActive(key);
    }

    /** @return the senders idle in the pool now, all keys */
    @ThreadSafe
    public int idle() {
        return pool.getNumIdle();
    }

    /**
     * @param key a key
     * @return the senders of that key idle in the pool now
     */
    @ThreadSafe
    public int idle(SenderKey key) {
        return pool.getNumIdle(key);
    }

    /** @return true once {@link #close()} was called */
    @ThreadSafe
    public boolean closed() {
        return pool.isClosed();
    }

    /**
     * Closes the pool: idle senders close now, borrowed ones when returned (each lets its messages
     * in flight finish, up to {@link SenderPoolOptions#closeTimeout}); later borrows throw
     * {@link IllegalStateException}. Returns at once; does not stop the container.
     */
    @ThreadSafe
    @Override
    public void close() {
        pool.close();
    }

    @Override
    public String toString() {
        return "sender-pool(borrowed " + borrowed() + ", idle " + idle() + ", " + options + ")";
    }
}
