package io.jproton.internal.io;

import io.jproton.WorkHandle;
import java.util.PriorityQueue;

/**
 * The timers of one {@link EventLoop}, ordered by deadline (then by order of scheduling).
 * Confined to the loop's thread; {@link Timer#cancel()} is confined the same way.
 */
final class TimerQueue {
    private final PriorityQueue<Timer> queue = new PriorityQueue<>();
    private long sequence;
    private int userTimers;

    /** A scheduled piece of work. */
    final class Timer implements Comparable<Timer>, WorkHandle {
        final long deadlineNanos;
        final long seq;
        final Runnable work;
        final boolean user;
        boolean done;

        Timer(long deadlineNanos, Runnable work, boolean user) {
            this.deadlineNanos = deadlineNanos;
            this.seq = sequence++;
            this.work = work;
            this.user = user;
        }

        @Override
        public int compareTo(Timer o) {
            int c = Long.compare(deadlineNanos - o.deadlineNanos, 0);
            return c != 0 ? c : Long.compare(seq, o.seq);
        }

        @Override
        public boolean cancel() {
            if (done) {
                return false;
            }
            finish();
            queue.remove(this);
            return true;
        }

        void finish() {
            if (!done) {
                done = true;
                if (user) {
                    userTimers--;
                }
            }
        }
    }

    /**
     * @param deadlineNanos when, in {@link System#nanoTime()} terms
     * @param work what to run
     * @param user true if it keeps the container alive (application work), false for internal timers
     * @return the timer
     */
    Timer add(long deadlineNanos, Runnable work, boolean user) {
        Timer t = new Timer(deadlineNanos, work, user);
        if (user) {
            userTimers++;
        }
        queue.add(t);
        return t;
    }

    /**
     * @param now the current nanoTime
     * @return the next due timer, removed and marked done, or null
     */
    Timer pollDue(long now) {
        Timer t = queue.peek();
        if (t == null || t.deadlineNanos - now > 0) {
            return null;
        }
        queue.poll();
        t.finish();
        return t;
    }

    /**
     * @return nanoseconds until the next deadline from {@code now} (0 if due), or -1 if none
     */
    long nanosUntilNext(long now) {
        Timer t = queue.peek();
        return t == null ? -1 : Math.max(0, t.deadlineNanos - now);
    }

    /**
     * @return how many application timers are pending
     */
    int userTimers() {
        return userTimers;
    }

    /** Drops every application timer (the container is stopping); internal timers stay. */
    void cancelUserTimers() {
        queue.removeIf(t -> {
            if (t.user) {
                t.finish();
                return true;
            }
            return false;
        });
    }
}
