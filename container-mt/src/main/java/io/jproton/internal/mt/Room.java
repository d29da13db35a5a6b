package io.jproton.internal.mt;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The room of a thread-safe sender: at most {@code max} messages in flight. Taking room is one CAS
 * while there is some. A thread that finds none waits, and waiting threads are woken together once
 * the messages in flight have fallen to half of {@code max} (hysteresis), not one per message that
 * gets its outcome: when the application sends faster than the peer settles, a thread then sends
 * many messages per wake instead of paying a context switch for each.
 *
 * <p>Thread-safety: thread-safe. {@link #give} (called for each outcome, on a container thread)
 * takes the lock only at the low-water crossing, and only when a thread waits.
 */
final class Room {
    private final int max;
    private final int lowWater;
    private final AtomicInteger used = new AtomicInteger();
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition roomy = lock.newCondition();
    /** Threads waiting for room; written under the lock. */
    private volatile int waiters;

    Room(int max) {
        this.max = max;
        this.lowWater = max / 2;
    }

    /** @return true if room for one message was taken */
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
        if (tryTake()) {
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

    /** Gives back the room of one message. */
    void give() {
        // a waiter waits only while used >= max, so each wait is followed by a fall through lowWater
        if (used.decrementAndGet() == lowWater && waiters > 0) {
            lock.lock();
            try {
                roomy.signalAll();
            } finally {
                lock.unlock();
            }
        }
    }

    /** @return the messages in flight */
    int used() {
        return used.get();
    }
}
