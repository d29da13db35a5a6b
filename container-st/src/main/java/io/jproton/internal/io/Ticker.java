package io.jproton.internal.io;

/**
 * The clock an {@link EventLoop} reads for its timers and its connections' idle timeouts: a
 * monotonic nanosecond count, as {@link System#nanoTime()} (its origin is arbitrary; only
 * differences mean anything, and they may wrap). Tests give a loop a fake one and advance it,
 * instead of waiting for real time to pass.
 *
 * <p>Thread-safety: an implementation must be thread-safe; the loop's thread and threads that
 * schedule work read it.
 */
@FunctionalInterface
public interface Ticker {
    /** The system's monotonic clock. */
    Ticker SYSTEM = System::nanoTime;

    /**
     * @return the current time in nanoseconds, from an arbitrary origin
     */
    long nanoTime();
}
