package io.jproton;

import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

/**
 * Runs work in a connection's context, serialized with its callbacks, as {@code proton::work_queue}.
 *
 * <p>Thread-safety: in the multi-threaded container every method is thread-safe. In the
 * single-threaded container it is confined like everything else (call it from a callback or under
 * the external lock); other threads use {@link Connection#wake()}.
 */
public interface WorkQueue extends Executor {
    /**
     * Adds work. Always enqueues, even from the connection's own callback: the work runs later,
     * never inline.
     *
     * @param work the work
     * @return true if the work will run; false if the connection has already finished
     */
    @ThreadSafe(always = false)
    boolean add(Runnable work);

    /**
     * Runs work after a delay, in the connection's context, as {@code proton::work_queue::schedule}:
     * best effort, the work is added when the delay has passed, so if the connection has finished
     * by then it never runs, and nothing says so.
     *
     * @param delay how long to wait, not negative
     * @param work the work
     */
    @ThreadSafe(always = false)
    void schedule(Duration delay, Runnable work);

    /**
     * As {@link #add(Runnable)}, for use as an {@link Executor}.
     *
     * @throws RejectedExecutionException once the connection has finished
     */
    @Override
    @ThreadSafe(always = false)
    default void execute(Runnable work) {
        if (!add(work)) {
            throw new RejectedExecutionException("connection has finished; its work queue is closed");
        }
    }
}
