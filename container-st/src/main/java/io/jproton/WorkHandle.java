package io.jproton;

/**
 * A handle on scheduled work, as {@code proton::work_handle}.
 *
 * <p>Thread-safety: as the container's {@code schedule}: confined in the single-threaded
 * container, thread-safe in the multi-threaded one.
 */
public interface WorkHandle {
    /**
     * Cancels the work if it has not started yet. Cancelled work no longer keeps the container
     * running.
     *
     * @return true if the work was cancelled before it ran
     */
    @ThreadSafe(always = false)
    boolean cancel();
}
