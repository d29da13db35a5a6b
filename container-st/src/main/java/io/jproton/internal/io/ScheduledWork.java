package io.jproton.internal.io;

import io.jproton.WorkHandle;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Application work scheduled on an {@link EventLoop}: it runs once when due unless cancelled first,
 * and keeps the container alive until then. Exactly one of {@link #cancel()} returning true and the
 * work running happens, whichever thread gets there first.
 *
 * <p>Thread-safety: {@link #cancel()} is thread-safe; the loop runs the work.
 */
final class ScheduledWork implements WorkHandle, Runnable {
    private static final int PENDING = 0;
    private static final int STARTED = 1;
    private static final int CANCELLED = 2;

    private final AtomicInteger state = new AtomicInteger(PENDING);
    private final EventLoop loop;
    private final KeepAlive keepAlive;
    private final Runnable work;
    /** The loop's timer; set and used on the loop only. */
    TimerQueue.Timer timer;

    ScheduledWork(EventLoop loop, KeepAlive keepAlive, Runnable work) {
        this.loop = loop;
        this.keepAlive = keepAlive;
        this.work = work;
    }

    /** Runs the work, on the loop, unless it was cancelled. */
    @Override
    public void run() {
        if (!state.compareAndSet(PENDING, STARTED)) {
            return;
        }
        keepAlive.unscheduled(this);
        try {
            work.run();
        } finally {
            keepAlive.release();
        }
    }

    @Override
    public boolean cancel() {
        if (!state.compareAndSet(PENDING, CANCELLED)) {
            return false;
        }
        keepAlive.unscheduled(this);
        loop.runOrExecute(() -> {
            if (timer != null) {
                timer.cancel(); // frees the loop's timer at once, so it no longer shortens the loop's waits
            }
        });
        keepAlive.release();
        return true;
    }
}
