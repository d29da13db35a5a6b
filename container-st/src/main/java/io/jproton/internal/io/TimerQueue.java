package io.jproton.internal.io;

import io.jproton.WorkHandle;
import java.util.PriorityQueue;

/**
 * Timers ordered by deadline (then by order of scheduling), in whatever clock the owner uses:
 * an {@link EventLoop}'s nanoTime, or a {@code ConnectionEngine}'s caller-given milliseconds.
 * Not thread-safe: confined to its owner, and so is {@link Timer#cancel()}.
 */
public final class TimerQueue {
    private final PriorityQueue<Timer> queue = new PriorityQueue<>();
    private long sequence;
    private int userTimers;

    /** A scheduled piece of work. */
    public final class Timer implements Comparable<Timer>, WorkHandle {
        final long deadline;
        final long seq;
        final Runnable work;
        final boolean user;
        boolean done;

        Timer(long deadline, Runnable work, boolean user) {
            this.deadline = deadline;
            this.seq = sequence++;
            this.work = work;
            this.user = user;
        }

        @Override
        public int compareTo(Timer o) {
            int c = Long.compare(deadline - o.deadline, 0);
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

        /** @return the work */
        public Runnable work() {
            return work;
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
     * @param deadline when, in the owner's clock
     * @param work what to run
     * @param user true if it keeps the container alive (application work), false for internal timers
     * @return the timer
     */
    public Timer add(long deadline, Runnable work, boolean user) {
        Timer t = new Timer(deadline, work, user);
        if (user) {
            userTimers++;
        }
        queue.add(t);
        return t;
    }

    /**
     * @param now the current time in the owner's clock
     * @return the next due timer, removed and marked done, or null
     */
    public Timer pollDue(long now) {
        Timer t = queue.peek();
        if (t == null || t.deadline - now > 0) {
            return null;
        }
        queue.poll();
        t.finish();
        return t;
    }

    /**
     * @param now the current time in the owner's clock
     * @return time until the next deadline (0 if due), or -1 if none
     */
    public long untilNext(long now) {
        Timer t = queue.peek();
        return t == null ? -1 : Math.max(0, t.deadline - now);
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
