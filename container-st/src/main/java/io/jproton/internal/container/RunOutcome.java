package io.jproton.internal.container;

import io.jproton.ProtonException;

/**
 * How a container's one run ended, shared by both containers: {@code run()} runs a container once
 * (as {@code proton::container::run}); the first failure of a callback ends the run, and that run
 * and every later {@code run()} call throw it (a checked exception thrown sneakily by a handler is
 * wrapped in a {@link ProtonException}); a later call after a clean end returns at once.
 *
 * <p>Thread-safety: thread-safe.
 */
public final class RunOutcome {
    /** Written under the monitor; read without it (every loop turn of the multi-threaded container asks). */
    private volatile Throwable failure;
    private volatile boolean ended;

    /**
     * Keeps the first failure; later ones are consequences of it and are dropped.
     *
     * @param t what a callback threw (or what failed the loop)
     */
    public synchronized void fail(Throwable t) {
        if (failure == null) {
            failure = t;
        }
    }

    /** @return true once a failure was recorded */
    public boolean failed() {
        return failure != null;
    }

    /** The run has ended: it does not run again. */
    public synchronized void end() {
        ended = true;
    }

    /** @return true once the run has ended */
    public boolean ended() {
        return ended;
    }

    /**
     * Throws the run's failure, if there was one: as it was thrown if it is unchecked, else wrapped.
     */
    public void rethrow() {
        Throwable failed = failure;
        if (failed instanceof RuntimeException e) {
            throw e;
        }
        if (failed instanceof Error e) {
            throw e;
        }
        if (failed != null) {
            throw new ProtonException("a callback failed: " + failed, failed);
        }
    }
}
