package io.jproton.internal.io;

import io.jproton.WorkHandle;
import java.util.Arrays;

/**
 * Timers ordered by deadline (then by order of scheduling), in whatever clock the owner uses:
 * an {@link EventLoop}'s {@link Ticker}, or a {@code ConnectionEngine}'s caller-given milliseconds.
 * Deadlines are compared by difference, so a clock that wraps (as {@link System#nanoTime()} may)
 * keeps its order for deadlines less than half its range apart.
 *
 * <p>An indexed binary heap: each timer knows its slot, so {@link #add}, {@link #pollDue} and
 * {@link Timer#cancel()} are O(log n), and a cancelled timer leaves the queue at once.
 *
 * <p>Thread-safety: not thread-safe; confined to its owner, and so is {@link Timer#cancel()}.
 */
public final class TimerQueue {
    private Timer[] heap = new Timer[16];
    private int size;
    private long sequence;

    /** A scheduled piece of work. */
    public final class Timer implements WorkHandle {
        final long deadline;
        final long seq;
        final Runnable work;
        /** The timer's slot in the heap, or -1 once it has left (run or cancelled). */
        int index = -1;

        Timer(long deadline, Runnable work) {
            this.deadline = deadline;
            this.seq = sequence++;
            this.work = work;
        }

        /**
         * @return true if this call took the timer out of the queue before it fell due; false if
         *         it had already been polled or cancelled
         */
        @Override
        public boolean cancel() {
            if (index < 0) {
                return false;
            }
            removeAt(index);
            return true;
        }

        /** @return the work */
        public Runnable work() {
            return work;
        }

        /** @return the deadline, in the owner's clock */
        public long deadline() {
            return deadline;
        }
    }

    /**
     * @param deadline when, in the owner's clock
     * @param work what to run
     * @return the timer
     */
    public Timer add(long deadline, Runnable work) {
        Timer t = new Timer(deadline, work);
        if (size == heap.length) {
            heap = Arrays.copyOf(heap, size * 2);
        }
        t.index = size;
        heap[size++] = t;
        siftUp(t.index);
        return t;
    }

    /**
     * @param now the current time in the owner's clock
     * @return the next due timer, removed (its cancel now returns false), or null
     */
    public Timer pollDue(long now) {
        if (size == 0 || heap[0].deadline - now > 0) {
            return null;
        }
        Timer t = heap[0];
        removeAt(0);
        return t;
    }

    /**
     * @param now the current time in the owner's clock
     * @return time until the next deadline (0 if due), or -1 if none
     */
    public long untilNext(long now) {
        return size == 0 ? -1 : Math.max(0, heap[0].deadline - now);
    }

    /**
     * @return the timers waiting
     */
    public int size() {
        return size;
    }

    private void removeAt(int i) {
        Timer gone = heap[i];
        gone.index = -1;
        Timer last = heap[--size];
        heap[size] = null;
        if (heap.length > 64 && size < heap.length / 4) {
            heap = Arrays.copyOf(heap, heap.length / 2); // a burst of timers does not hold its memory for good
        }
        if (i != size) {
            heap[i] = last;
            last.index = i;
            siftDown(i);
            if (heap[i] == last) {
                siftUp(i);
            }
        }
    }

    private static boolean before(Timer a, Timer b) {
        long d = a.deadline - b.deadline;
        return d < 0 || (d == 0 && a.seq < b.seq);
    }

    private void siftUp(int i) {
        Timer t = heap[i];
        while (i > 0) {
            int parent = (i - 1) >>> 1;
            Timer p = heap[parent];
            if (!before(t, p)) {
                break;
            }
            heap[i] = p;
            p.index = i;
            i = parent;
        }
        heap[i] = t;
        t.index = i;
    }

    private void siftDown(int i) {
        Timer t = heap[i];
        int half = size >>> 1;
        while (i < half) {
            int child = 2 * i + 1;
            int right = child + 1;
            if (right < size && before(heap[right], heap[child])) {
                child = right;
            }
            if (!before(heap[child], t)) {
                break;
            }
            heap[i] = heap[child];
            heap[i].index = i;
            i = child;
        }
        heap[i] = t;
        t.index = i;
    }
}
