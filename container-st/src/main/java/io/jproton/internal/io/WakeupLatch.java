package io.jproton.internal.io;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The hand-shake between a loop about to wait and the threads that wake it, so that no wake-up is
 * lost and a wake-up costs a system call only while the loop really waits. The loop calls
 * {@link #beforeWait()} before it checks for work and waits, and {@link #afterWait()} when the wait
 * is over; any thread calls {@link #wake()}. Whatever the interleaving, a {@link #wake()} either
 * makes a wait that has begun end (it returns true: the caller wakes the selector), or makes the
 * loop's next {@link #beforeWait()} return true (do not block). Wake-ups coalesce: many calls
 * before the loop looks again cost one.
 *
 * <p>Thread-safety: thread-safe; {@link #beforeWait()} and {@link #afterWait()} are called by the
 * loop's thread only. Checked by the model checker in {@code WakeupLatchModelTest}.
 */
final class WakeupLatch {
    /** The loop is waiting, or about to: a wake must wake the selector. */
    private final AtomicBoolean waiting = new AtomicBoolean();
    /** A wake-up came that the loop has not yet seen. */
    private final AtomicBoolean nudged = new AtomicBoolean();

    /**
     * The loop is about to check for work and wait.
     *
     * @return true if a wake-up came since the loop last looked: the wait must not block
     */
    boolean beforeWait() {
        waiting.set(true); // announced before the check, so that a wake from now on wakes the selector
        return nudged.getAndSet(false);
    }

    /** The loop's wait is over (it woke, timed out or did not block). */
    void afterWait() {
        waiting.set(false);
    }

    /**
     * Thread-safe: asks the loop to look again.
     *
     * @return true if the loop is waiting and the caller must wake its selector; false if the loop
     *         will see the wake-up without it (it is not waiting, or another wake already woke it)
     */
    boolean wake() {
        nudged.set(true); // seen by a loop about to wait (it checks after announcing that it waits)
        return waiting.compareAndSet(true, false);
    }
}
