package io.jproton.mt.pool;

import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.concurrent.ForkJoinPool;

/**
 * Settings of a {@link SenderPool} and of each {@link ThreadSafeSender} (those marked "sender"
 * apply to {@link ThreadSafeSender#open} too). Every duration has millisecond precision.
 *
 * <p>Thread-safety: not thread-safe; a plain value, copied when a pool or sender is made.
 */
public final class SenderPoolOptions {
    /** Default of {@link #maxPerKey(int)}. */
    public static final int DEFAULT_MAX_PER_KEY = 8;
    /** Default of {@link #maxTotal(int)}. */
    public static final int DEFAULT_MAX_TOTAL = 64;
    /** Default of {@link #maxInFlight(int)}. */
    public static final int DEFAULT_MAX_IN_FLIGHT = 1000;
    /** Default of {@link #borrowTimeout(Duration)}: 30 s. */
    public static final Duration DEFAULT_BORROW_TIMEOUT = Duration.ofSeconds(30);
    /** Default of {@link #openTimeout(Duration)}: 30 s. */
    public static final Duration DEFAULT_OPEN_TIMEOUT = Duration.ofSeconds(30);
    /** Default of {@link #closeTimeout(Duration)}: 10 s. */
    public static final Duration DEFAULT_CLOSE_TIMEOUT = Duration.ofSeconds(10);
    /** Default of {@link #idleTimeout(Duration)}: 60 s. */
    public static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofSeconds(60);
    /** Default of {@link #evictionInterval(Duration)}: 30 s. */
    public static final Duration DEFAULT_EVICTION_INTERVAL = Duration.ofSeconds(30);

    private int maxPerKey = DEFAULT_MAX_PER_KEY;
    private int maxTotal = DEFAULT_MAX_TOTAL;
    private int maxInFlight = DEFAULT_MAX_IN_FLIGHT;
    private Duration borrowTimeout = DEFAULT_BORROW_TIMEOUT;
    private Duration openTimeout = DEFAULT_OPEN_TIMEOUT;
    private Duration closeTimeout = DEFAULT_CLOSE_TIMEOUT;
    private Duration idleTimeout = DEFAULT_IDLE_TIMEOUT;
    private Duration evictionInterval = DEFAULT_EVICTION_INTERVAL;
    private Executor completionExecutor;

    /** The defaults. */
    public SenderPoolOptions() {}

    /**
     * @param other options to copy
     */
    public SenderPoolOptions(SenderPoolOptions other) {
        maxPerKey = other.maxPerKey;
        maxTotal = other.maxTotal;
        maxInFlight = other.maxInFlight;
        borrowTimeout = other.borrowTimeout;
        openTimeout = other.openTimeout;
        closeTimeout = other.closeTimeout;
        idleTimeout = other.idleTimeout;
        evictionInterval = other.evictionInterval;
        completionExecutor = other.completionExecutor;
    }

    private static int positive(String what, int n) {
        if (n < 1) {
            throw new IllegalArgumentException(what + " must be at least 1, got " + n);
        }
        return n;
    }

    private static Duration positive(String what, Duration d) {
        if (d == null || d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(what + " must be positive, got " + d);
        }
        return d;
    }

    /**
     * Pool: the most senders (each with its own connection) one key has at once, borrowed and idle
     * together. Default {@value #DEFAULT_MAX_PER_KEY}.
     *
     * @param n at least 1
     * @return this
     */
    public SenderPoolOptions maxPerKey(int n) {
        maxPerKey = positive("max per key", n);
        return this;
    }

    /**
     * Pool: the most senders of all keys together. When it is reached, a borrow for a key that has
     * none free closes the pool's longest idle sender of another key, or waits. Default {@value #DEFAULT_MAX_TOTAL}.
     *
     * @param n at least 1
     * @return this
     */
    public SenderPoolOptions maxTotal(int n) {
        maxTotal = positive("max total", n);
        return this;
    }

    /**
     * Sender: the most messages in flight on one sender: taken by {@code send} and without an
     * outcome yet, whether waiting for credit or sent and not settled by the peer. This bounds the
     * memory a slow or stalled peer can make the application hold (about this many messages per
     * sender, {@code maxPerKey} senders per key). Past it, {@code send(message)} throws
     * {@link SenderFullException} at once and {@code send(message, timeout)} waits for room.
     * Default {@value #DEFAULT_MAX_IN_FLIGHT}.
     *
     * @param n at least 1
     * @return this
     */
    public SenderPoolOptions maxInFlight(int n) {
        maxInFlight = positive("max in flight", n);
        return this;
    }

    /**
     * Pool: how long {@link SenderPool#borrow(SenderKey)} waits for a free sender before it throws
     * {@link PoolExhaustedException}. Opening a new sender is bounded by {@link #openTimeout} instead.
     * Default 30 s.
     *
     * @param timeout positive
     * @return this
     */
    public SenderPoolOptions borrowTimeout(Duration timeout) {
        borrowTimeout = positive("borrow timeout", timeout);
        return this;
    }

    /**
     * Pool: how long opening a new sender (connecting, and the peer attaching its link) may take
     * before the borrow throws {@link SendFailedException}. Default 30 s.
     *
     * @param timeout positive
     * @return this
     */
    public SenderPoolOptions openTimeout(Duration timeout) {
        openTimeout = positive("open timeout", timeout);
        return this;
    }

    /**
     * Sender: how long {@link ThreadSafeSender#close()} lets the messages in flight get their
     * outcomes before it closes the connection anyway (their futures then fail). Default 10 s.
     *
     * @param timeout positive
     * @return this
     */
    public SenderPoolOptions closeTimeout(Duration timeout) {
        closeTimeout = positive("close timeout", timeout);
        return this;
    }

    /**
     * Pool: a sender idle in the pool for this long is closed by the next eviction run. Default 60 s.
     *
     * @param timeout positive
     * @return this
     */
    public SenderPoolOptions idleTimeout(Duration timeout) {
        idleTimeout = positive("idle timeout", timeout);
        return this;
    }

    /**
     * Pool: how often idle senders are checked (closed if idle for {@link #idleTimeout} or no longer
     * usable), on Commons Pool's evictor thread; zero turns eviction off. Default 30 s.
     *
     * @param interval zero or positive
     * @return this
     */
    public SenderPoolOptions evictionInterval(Duration interval) {
        if (interval == null || interval.isNegative()) {
            throw new IllegalArgumentException("eviction interval must not be negative, got " + interval);
        }
        evictionInterval = interval;
        return this;
    }

    /**
     * Sender: where the futures of {@code send} are completed, and so where continuations attached
     * with {@code thenApply}, {@code whenComplete} and the like run when attached before completion.
     * Never a container thread by default: {@link ForkJoinPool#commonPool()}. Completions of one
     * sender are handed over in batches and completed in order, one at a time: a continuation that
     * blocks holds up the next ones of that sender (use the {@code ...Async} forms for blocking
     * work). An executor that runs tasks on the calling thread ({@code Runnable::run}) completes
     * futures on the connection's container thread: continuations then must not block, and must not
     * wait for another send of the same connection.
     *
     * @param executor the executor, or null for the default
     * @return this
     */
    public SenderPoolOptions completionExecutor(Executor executor) {
        completionExecutor = executor;
        return this;
    }

    /** @return the most senders per key */
    public int maxPerKey() {
        return maxPerKey;
    }

    /** @return the most senders in the pool */
    public int maxTotal() {
        return maxTotal;
    }

    /** @return the most messages in flight per sender */
    public int maxInFlight() {
        return maxInFlight;
    }

    /** @return the borrow timeout */
    public Duration borrowTimeout() {
        return borrowTimeout;
    }

    /** @return the open timeout */
    public Duration openTimeout() {
        return openTimeout;
    }

    /** @return the close timeout */
    public Duration closeTimeout() {
        return closeTimeout;
    }

    /** @return the idle timeout */
    public Duration idleTimeout() {
        return idleTimeout;
    }

    /** @return the eviction interval, zero for none */
    public Duration evictionInterval() {
        return evictionInterval;
    }

    /** @return the completion executor: the one set, or {@link ForkJoinPool#commonPool()} */
    public Executor completionExecutor() {
        return completionExecutor != null ? completionExecutor : ForkJoinPool.commonPool();
    }

    @Override
    public String toString() {
        return "sender-pool-options(maxPerKey=" + maxPerKey + ", maxTotal=" + maxTotal + ", maxInFlight=" + maxInFlight
                + ", borrowTimeout=" + borrowTimeout + ", openTimeout=" + openTimeout + ", closeTimeout=" + closeTimeout
                + ", idleTimeout=" + idleTimeout + ", evictionInterval=" + evictionInterval + ")";
    }
}
