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

    /** A scheduled piece of work. */
    public final class Timer implements Comparable<Timer>, WorkHandle {
        final long deadline;
        final long seq;
        final Runnable work;
        boolean done;

        Timer(long deadline, Runnable work) {
            this.deadline = deadline;
            this.seq = sequence++;
            this.work = work;
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
            done = true;
            queue.remove(this);
            return true;
        }

        /** @return the work */
        public Runnable work() {
            return work;
        }
    }

    /**
     * @param deadline when, in the owner's clock
     * @param work what to run
     * @return the timer
     */
    public Timer add(long deadline, Runnable work) {
        Timer t = new Timer(deadline, work);
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
        t.done = true;
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
}
