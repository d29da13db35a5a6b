package io.jproton.internal.mt.pool;

import io.jproton.internal.io.EventLoop;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The room of a thread-safe sender: at most {@code max} messages in flight. Taking room is one CAS
 * while there is some and nobody waits. A thread that finds none waits; room given back wakes the
 * waiting threads together once per container callback (the outcomes of one read, often dozens),
 * not once per message, so that a thread sending faster than the peer settles sends many messages
 * per wake-up instead of paying a context switch for each. While threads wait, a thread that
 * would wait too queues behind them rather than taking the room first.
 *
 * <p>Thread-safety: thread-safe. {@link #give} (called for each outcome, usually on a container
 * thread) takes the lock only when a thread waits, once per callback.
 */
final class Room {
    private final int max;
    private final AtomicInteger used = new AtomicInteger();
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition roomy = lock.newCondition();
    /** Threads waiting for room; written under the lock. */
    private volatile int waiters;
    /** A wake-up is deferred to the end of the current callback. */
    private final AtomicBoolean wakePending = new AtomicBoolean();
    private final Runnable wake = this::wakeWaiters;

    Room(int max) {
        this.max = max;
    }

    /** @return true if room for one message was taken (never waits; may go ahead of waiting threads) */
    boolean tryTake() {
        while (true) {
            int u = used.get();
            if (u >= max) {
                return false;
            }
            if (used.compareAndSet(u, u + 1)) {
                return true;
            }
        }
    }

    /**
     * Takes room for one message, waiting up to {@code nanos} for it.
     *
     * @return true if taken, false if the time ran out
     * @throws InterruptedException if interrupted while waiting
     */
    boolean take(long nanos) throws InterruptedException {
        if (waiters == 0 && tryTake()) {
            return true;
        }
        lock.lockInterruptibly();
        try {
            waiters++; // before the check below: a give() that follows it sees us
            try {
                while (!tryTake()) {
                    if (nanos <= 0) {
                        return false;
                    }
                    nanos = roomy.awaitNanos(nanos);
                }
                return true;
            } finally {
                waiters--;
            }
        } finally {
            lock.unlock();
        }
    }

    /** Gives back the room of one message; wakes the waiting threads once the current callback returns. */
    void give() {
        used.decrementAndGet();
        // a waiter counted itself before its last failed tryTake, so either it sees this room or we see it
        if (waiters > 0 && wakePending.compareAndSet(false, true)) {
            EventLoop.afterCurrentCallback(wake);
        }
    }

    private void wakeWaiters() {
        wakePending.set(false);
        lock.lock();
        try {
            roomy.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** @return the messages in flight */
    int used() {
        return used.get();
    }
}
