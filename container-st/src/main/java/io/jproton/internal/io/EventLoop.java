package io.jproton.internal.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * One I/O loop: a {@link Selector}, timers, a cross-thread inbox and the set of connections that
 * need flushing. It owns no thread: whoever calls {@link #turn(boolean)} runs it (the
 * single-threaded container's {@code run()} thread, or one worker of the multi-threaded one).
 *
 * <p>Thread-safety: {@link #execute(Runnable)} and {@link #wakeup()} are thread-safe; everything
 * else is confined to the thread that runs the loop, or to a thread holding the external lock.
 */
public final class EventLoop {
    private final Selector selector;
    private final TimerQueue timers = new TimerQueue();
    private final ArrayDeque<SocketConnection> dirty = new ArrayDeque<>();
    private final ConcurrentLinkedQueue<Runnable> inbox = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean selecting = new AtomicBoolean();
    private final String remedy;
    private volatile Thread thread;
    private volatile Lock externalLock;

    /**
     * @param remedy what the confinement error should advise, e.g. "use Connection.wake()"
     */
    public EventLoop(String remedy) {
        this.remedy = remedy;
        try {
            selector = Selector.open();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open a selector", e);
        }
    }

    Selector selector() {
        return selector;
    }

    /**
     * @param t the thread that runs the loop from now on, or null when none does
     */
    public void thread(Thread t) {
        thread = t;
    }

    /**
     * @return the thread running the loop, or null
     */
    public Thread thread() {
        return thread;
    }

    /**
     * @param lock a lock the loop holds while it processes events and releases while it waits, or null
     */
    public void externalLock(Lock lock) {
        externalLock = lock;
    }

    /**
     * @return the external lock, or null
     */
    public Lock externalLock() {
        return externalLock;
    }

    /**
     * Throws unless the calling thread may touch this loop's objects: the loop's thread, any
     * thread while no thread runs the loop, or a thread holding the external lock.
     *
     * @param what the method being called
     */
    public void checkAccess(String what) {
        Thread t = thread;
        Thread me = Thread.currentThread();
        if (t == me || t == null) {
            return;
        }
        Lock lock = externalLock;
        if (lock != null && heldByCurrentThread(lock)) {
            return;
        }
        throw new IllegalStateException(what + " called from thread '" + me.getName()
                + "', outside the container's context (thread '" + t.getName() + "'): " + remedy);
    }

    private static boolean heldByCurrentThread(Lock lock) {
        if (lock instanceof ReentrantLock r) {
            return r.isHeldByCurrentThread();
        }
        if (lock instanceof ReentrantReadWriteLock.WriteLock w) {
            return w.isHeldByCurrentThread();
        }
        return true; // a lock type whose owner cannot be checked: trust the caller
    }

    /**
     * @return true if the calling thread runs this loop
     */
    public boolean inLoop() {
        return thread == Thread.currentThread();
    }

    /**
     * Thread-safe: runs work on the loop soon, after the current callback.
     *
     * @param work the work
     */
    public void execute(Runnable work) {
        inbox.add(work);
        wakeup();
    }

    /** Thread-safe: makes a waiting {@link #turn} return soon. */
    public void wakeup() {
        if (selecting.compareAndSet(true, false)) {
            selector.wakeup();
        }
    }

    void markDirty(SocketConnection c) {
        if (!c.dirty) {
            c.dirty = true;
            dirty.add(c);
        }
    }

    /**
     * @param delay how long from now
     * @param work what to run on the loop
     * @param user true if it keeps the container alive
     * @return a handle to cancel it
     */
    public TimerQueue.Timer schedule(Duration delay, Runnable work, boolean user) {
        long nanos;
        try {
            nanos = delay.toNanos();
        } catch (ArithmeticException e) {
            nanos = Long.MAX_VALUE / 4;
        }
        return timers.add(System.nanoTime() + Math.min(nanos, Long.MAX_VALUE / 4), work, user);
    }

    /**
     * @return application timers still pending
     */
    public int pendingUserTimers() {
        return timers.userTimers();
    }

    /** Drops application timers: the container is stopping. */
    public void cancelUserTimers() {
        timers.cancelUserTimers();
    }

    /**
     * @return true if work is waiting in the inbox
     */
    public boolean hasQueuedWork() {
        return !inbox.isEmpty();
    }

    /**
     * One turn of the loop: waits (external lock released) for I/O, a timer, or a wakeup, then
     * runs what is ready: I/O, due timers, queued work, and flushes the connections that changed.
     * A callback's exception propagates.
     *
     * @param mayBlock false to only poll
     */
    public void turn(boolean mayBlock) {
        flushDirty();
        long now = System.nanoTime();
        long wait = mayBlock ? timers.untilNext(now) : 0;
        selecting.set(true);
        if (!inbox.isEmpty() || !dirty.isEmpty()) {
            wait = 0;
        }
        Lock lock = externalLock;
        if (lock != null) {
            lock.unlock();
        }
        try {
            if (wait == 0) {
                selector.selectNow();
            } else if (wait < 0) {
                selector.select();
            } else {
                selector.select(Math.max(1, (wait + 999_999) / 1_000_000));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("selector failed", e);
        } finally {
            selecting.set(false);
            if (lock != null) {
                lock.lock();
            }
        }
        Iterator<SelectionKey> it = selector.selectedKeys().iterator();
        while (it.hasNext()) {
            SelectionKey key = it.next();
            it.remove();
            if (key.isValid()) {
                ((Selectable) key.attachment()).onReady(key.readyOps());
            }
        }
        now = System.nanoTime();
        TimerQueue.Timer t;
        while ((t = timers.pollDue(now)) != null) {
            t.work().run();
        }
        for (int n = inbox.size(); n > 0; n--) {
            Runnable r = inbox.poll();
            if (r == null) {
                break;
            }
            r.run();
        }
        flushDirty();
    }

    /** Processes every connection marked dirty, including those its callbacks mark. */
    public void flushDirty() {
        SocketConnection c;
        while ((c = dirty.poll()) != null) {
            c.dirty = false;
            c.process();
        }
    }

    /** Closes the selector; the loop is finished. */
    public void close() {
        try {
            selector.close();
        } catch (IOException e) {
            // nothing left to do with a selector that fails to close
        }
    }
}
