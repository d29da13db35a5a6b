package io.jproton.internal.io;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Counts what keeps a container running: open connections and listeners, pending scheduled work,
 * and queued work that was promised to run. A container may finish only when the count is zero,
 * and finishing ({@link #tryClose()}) is one atomic step with the count, so a promise given by a
 * successful {@link #tryAcquire()} is never broken by a container that finishes at the same time.
 *
 * <p>Thread-safety: thread-safe.
 */
public final class KeepAlive {
    private static final int CLOSED = Integer.MIN_VALUE / 2;
    private final AtomicInteger count = new AtomicInteger();
    private final Set<ScheduledWork> timers = ConcurrentHashMap.newKeySet();
    private volatile Runnable onIdle = () -> { };

    /**
     * @param onIdle called, on the releasing thread, each time the count drops to zero
     */
    public void onIdle(Runnable onIdle) {
        this.onIdle = onIdle;
    }

    /**
     * @return true if counted; false if the container has finished (nothing may be promised any more)
     */
    public boolean tryAcquire() {
        while (true) {
            int c = count.get();
            if (c < 0) {
                return false;
            }
            if (count.compareAndSet(c, c + 1)) {
                return true;
            }
        }
    }

    /** Ends one counted thing. */
    public void release() {
        if (count.decrementAndGet() == 0) {
            onIdle.run();
        }
    }

    /**
     * Finishes the container if nothing is counted: from then on {@link #tryAcquire()} fails.
     *
     * @return true if the container is finished (now or before)
     */
    public boolean tryClose() {
        return count.compareAndSet(0, CLOSED) || count.get() < 0;
    }

    /**
     * Finishes the container whatever is still counted: a run that ended by a failure dropped what
     * it counted without releasing it. From then on {@link #tryAcquire()} fails, so nothing is
     * promised that a finished container would not keep.
     */
    public void close() {
        count.set(CLOSED);
    }

    /**
     * @return true once {@link #tryClose()} has succeeded or {@link #close()} was called
     */
    public boolean closed() {
        return count.get() < 0;
    }

    /**
     * @return how many things are counted now (negative once closed); for tests and diagnostics
     */
    int count() {
        int c = count.get();
        return c < 0 ? c - CLOSED : c;
    }

    /**
     * @return the scheduled work pending (the pieces {@link #cancelTimers()} would cancel); for tests
     */
    int scheduledCount() {
        return timers.size();
    }

    void scheduled(ScheduledWork w) {
        timers.add(w);
    }

    void unscheduled(ScheduledWork w) {
        timers.remove(w);
    }

    /** Cancels every pending scheduled piece of work: the container is stopping. */
    public void cancelTimers() {
        for (ScheduledWork w : timers.toArray(new ScheduledWork[0])) {
            w.cancel();
        }
    }
}
