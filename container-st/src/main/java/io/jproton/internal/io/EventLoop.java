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
 * <p>The loop's {@link Confinement} is the one scheduling difference between the containers that
 * the connections see: who may touch a connection's objects.
 *
 * <p>Thread-safety: {@link #execute(Runnable)}, {@link #runOrExecute(Runnable)}, {@link #wakeup()}
 * and {@link #scheduleWork} are thread-safe; everything else is confined to the thread that runs
 * the loop, or to a thread holding the external lock.
 */
public final class EventLoop {
    /** Who may touch the objects of a connection on this loop. */
    public enum Confinement {
        /** The single-threaded container: the loop's thread, any thread before a thread runs the loop, or a holder of the external lock. */
        LOOP,
        /** The multi-threaded container: only that connection's own context (its callbacks and its work), or a holder of the external lock. */
        CONNECTION
    }

    static {
        // The JDK sets up its socket-closing machinery (sun.nio.ch.FileDispatcherImpl, which opens a
        // descriptor of its own) on the first close of a socket. Were that first close to come while
        // the process is out of file descriptors (a flood of connections), it would fail for good and
        // take the loop down: close one socket now, while descriptors are there.
        try {
            java.nio.channels.SocketChannel.open().close();
        } catch (IOException e) {
            // nothing to prepare then; a loop will report its own failures
        }
    }

    /** Queued work run per turn, at most, so that I/O and timers are not starved by a busy producer. */
    static final int MAX_WORK_PER_TURN = 4096;
    private final Selector selector;
    private final Confinement confinement;
    private final KeepAlive keepAlive;
    /** The loop each thread runs now, if any. */
    private static final ThreadLocal<EventLoop> RUN_BY = new ThreadLocal<>();
    /** The connection (or other owner) whose code the loop's thread is running now, or null. */
    private Object current;
    /** How deeply the loop's thread is nested in callbacks and work now (0 between them). */
    private int depth;
    /** Hand-offs that wait until the current callback or piece of work has returned. */
    private final ArrayDeque<Runnable> deferred = new ArrayDeque<>();
    private final TimerQueue timers = new TimerQueue();
    private final ArrayDeque<SocketConnection> dirty = new ArrayDeque<>();
    private final ConcurrentLinkedQueue<Runnable> inbox = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean selecting = new AtomicBoolean();
    /** A wakeup that came while the loop was not waiting: the next wait must not block. */
    private final AtomicBoolean nudged = new AtomicBoolean();
    private final String remedy;
    /** Encodes messages for every connection this loop's thread runs: one buffer per thread, not per connection. */
    private final io.jproton.internal.codec.GrowableBuffer scratch = new io.jproton.internal.codec.GrowableBuffer(512);
    private final java.util.concurrent.atomic.AtomicInteger load = new java.util.concurrent.atomic.AtomicInteger();
    private volatile Thread thread;
    private volatile Lock externalLock;
    private final Ticker ticker;

    /**
     * @param remedy what the confinement error should advise, e.g. "use Connection.wake()"
     * @param confinement who may touch a connection's objects
     * @param keepAlive the container's count of what keeps it running; scheduled work joins it
     */
    public EventLoop(String remedy, Confinement confinement, KeepAlive keepAlive) {
        this(remedy, confinement, keepAlive, Ticker.SYSTEM);
    }

    /**
     * @param remedy what the confinement error should advise, e.g. "use Connection.wake()"
     * @param confinement who may touch a connection's objects
     * @param keepAlive the container's count of what keeps it running; scheduled work joins it
     * @param ticker the clock for timers and idle timeouts (a fake one in tests)
     */
    public EventLoop(String remedy, Confinement confinement, KeepAlive keepAlive, Ticker ticker) {
        this.ticker = ticker;
        this.remedy = remedy;
        this.confinement = confinement;
        this.keepAlive = keepAlive;
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
     * Thread-safe.
     *
     * @param delta connections added to (positive) or gone from (negative) this loop
     */
    public void load(int delta) {
        load.addAndGet(delta);
    }

    /**
     * Thread-safe.
     *
     * @return connections on this loop now
     */
    public int load() {
        return load.get();
    }

    /**
     * @return the container's count of what keeps it running
     */
    public KeepAlive keepAlive() {
        return keepAlive;
    }

    /**
     * @param t the thread that runs the loop from now on, or null when none does
     */
    public void thread(Thread t) {
        if (t == null && thread == Thread.currentThread()) {
            RUN_BY.remove();
        }
        thread = t;
        if (t == Thread.currentThread()) {
            RUN_BY.set(this);
        }
    }

    /**
     * @return the loop the calling thread runs now, or null
     */
    public static EventLoop ofCurrentThread() {
        return RUN_BY.get();
    }

    /**
     * @return the scratch buffer of the loop the calling thread runs, or null if it runs none
     */
    private static io.jproton.internal.codec.GrowableBuffer scratchOfCurrentThread() {
        EventLoop loop = RUN_BY.get();
        return loop == null ? null : loop.scratch;
    }

    /**
     * @return this loop's scratch buffer if the calling thread runs this loop (the usual case), else
     *         the scratch buffer of whatever loop the calling thread runs, or null
     */
    public io.jproton.internal.codec.GrowableBuffer scratchForCaller() {
        return inLoop() ? scratch : scratchOfCurrentThread();
    }

    /**
     * @return the connection in whose context the calling thread runs now, or null
     */
    public static SocketConnection currentConnection() {
        EventLoop loop = RUN_BY.get();
        return loop != null && loop.current instanceof SocketConnection c ? c : null;
    }

    /**
     * Runs a hand-off once the calling thread's current callback (or piece of work) has returned,
     * if the calling thread is running one; else at once. A connection made in a callback stays the
     * caller's to set up until then.
     *
     * @param handOff what to run
     */
    public static void afterCurrentCallback(Runnable handOff) {
        EventLoop loop = RUN_BY.get();
        if (loop != null && loop.depth > 0) {
            loop.deferred.add(handOff);
        } else {
            handOff.run();
        }
    }

    /**
     * Runs code on behalf of an owner (a connection, or null for the container) as a callback
     * scope: hand-offs it defers run when it returns normally.
     *
     * @param owner the owner
     * @param code the code
     */
    public void callback(Object owner, Runnable code) {
        Object previous = enter(owner);
        try {
            code.run();
        } finally {
            exit(previous);
        }
        runDeferred();
    }

    private void runDeferred() {
        if (depth == 0) {
            Runnable r;
            while ((r = deferred.poll()) != null) {
                r.run();
            }
        }
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

    /**
     * Throws unless the calling thread may touch the objects of a connection on this loop now.
     *
     * @param what the method being called
     * @param context the connection (its context object) the objects belong to
     * @param confined false where the connection admits any caller: its creator before the hand-off
     *        to the loop, or anyone once it has finished
     */
    public void checkAccess(String what, Object context, boolean confined) {
        if (confinement == Confinement.LOOP) {
            checkAccess(what);
            return;
        }
        Thread me = Thread.currentThread();
        if (!confined || (thread == me && current == context)) {
            return;
        }
        Lock lock = externalLock;
        if (lock != null && heldByCurrentThread(lock)) {
            return;
        }
        throw new IllegalStateException(what + " called from thread '" + me.getName() + "', outside the context of "
                + context + (thread == me ? " (in the context of " + (current == null ? "the container" : current) + ")" : "")
                + ": " + remedy);
    }

    /**
     * Throws if the calling thread may not make a call that only the multi-threaded container
     * makes thread-safe (a container call, a work queue call): confined as {@link #checkAccess(String)}
     * with {@link Confinement#LOOP}, free with {@link Confinement#CONNECTION}.
     *
     * @param what the method being called
     */
    public void checkThreadSafeCall(String what) {
        if (confinement == Confinement.LOOP) {
            checkAccess(what);
        }
    }

    /**
     * Marks the start of code run on behalf of an owner (a connection), for {@link #checkAccess(String, Object, boolean)}.
     *
     * @param owner the owner
     * @return the previous owner, to give back to {@link #exit(Object)}
     */
    Object enter(Object owner) {
        Object previous = current;
        current = owner;
        depth++;
        return previous;
    }

    /**
     * @param previous what {@link #enter(Object)} returned
     */
    void exit(Object previous) {
        current = previous;
        depth--;
    }

    private static boolean heldByCurrentThread(Lock lock) {
        if (lock instanceof ReentrantLock r) {
            return r.isHeldByCurrentThread();
        }
        if (lock instanceof ReentrantReadWriteLock.WriteLock w) {
            return w.isHeldByCurrentThread();
        }
        return false; // Container.externalLock admits no other kind: never let a caller through unchecked
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

    /**
     * Thread-safe: runs work now if the calling thread may touch this loop (its thread, or with
     * {@link Confinement#LOOP} a thread the confinement admits), else on the loop soon.
     *
     * @param work the work
     */
    public void runOrExecute(Runnable work) {
        Thread t = thread;
        if (t == Thread.currentThread() || (confinement == Confinement.LOOP && t == null)) {
            work.run();
        } else {
            execute(work);
        }
    }

    /**
     * Thread-safe: makes a waiting {@link #turn} return soon, or the next one not wait, so that
     * the loop's owner looks again at whatever changed (work, or the container's state). Costs a
     * system call only when the loop is waiting.
     */
    public void wakeup() {
        nudged.set(true); // seen by a loop about to wait (it checks after announcing that it waits)
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
     * Schedules the loop's own work (idle-timeout ticks, reconnect delays, stop grace): it does not
     * keep the container running. Confined to the loop.
     *
     * @param delay how long from now
     * @param work what to run on the loop
     * @return the timer, to cancel on the loop
     */
    public TimerQueue.Timer schedule(Duration delay, Runnable work) {
        return timers.add(deadline(delay), work);
    }

    /**
     * Thread-safe: schedules application work. It keeps the container running until it has run or
     * been cancelled; the container's stop cancels it.
     *
     * @param delay how long from now
     * @param work what to run on the loop
     * @return a thread-safe handle; if the container has already finished, a handle whose work never runs
     */
    public io.jproton.WorkHandle scheduleWork(Duration delay, Runnable work) {
        long deadline = deadline(delay);
        ScheduledWork w = new ScheduledWork(this, keepAlive, work);
        if (!keepAlive.tryAcquire()) {
            return () -> false;
        }
        keepAlive.scheduled(w);
        runOrExecute(() -> w.timer = timers.add(deadline, w));
        return w;
    }

    /**
     * Thread-safe.
     *
     * @return the loop's clock now, in nanoseconds (see {@link Ticker})
     */
    public long nanoTime() {
        return ticker.nanoTime();
    }

    private long deadline(Duration delay) {
        long nanos;
        try {
            nanos = delay.toNanos();
        } catch (ArithmeticException e) {
            nanos = Long.MAX_VALUE / 4;
        }
        return ticker.nanoTime() + Math.min(nanos, Long.MAX_VALUE / 4);
    }

    /**
     * @return the loop's timers waiting (its own and application work); for tests and diagnostics
     */
    int timerCount() {
        return timers.size();
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
        long now = ticker.nanoTime();
        long wait = mayBlock ? timers.untilNext(now) : 0;
        selecting.set(true);
        if (nudged.getAndSet(false) || !inbox.isEmpty() || !dirty.isEmpty()) {
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
                Selectable target = (Selectable) key.attachment();
                Object previous = enter(target); // as callback(), without a lambda per ready key
                try {
                    target.onReady(key.readyOps());
                } finally {
                    exit(previous);
                }
                runDeferred();
            }
        }
        now = ticker.nanoTime();
        TimerQueue.Timer t;
        while ((t = timers.pollDue(now)) != null) {
            callback(null, t.work());
        }
        for (int n = 0; n < MAX_WORK_PER_TURN; n++) {
            Runnable r = inbox.poll();
            if (r == null) {
                break;
            }
            callback(null, r);
        }
        flushDirty();
    }

    /** Processes every connection marked dirty, including those its callbacks mark. */
    public void flushDirty() {
        SocketConnection c;
        while ((c = dirty.poll()) != null) {
            c.dirty = false;
            Object previous = enter(c); // as callback(), without a lambda per connection processed
            try {
                c.process();
            } finally {
                exit(previous);
            }
            runDeferred();
        }
    }

    /**
     * Closes the selector; the loop is finished. This is what releases the sockets closed during the
     * run: a closed channel whose key is still registered keeps its file descriptor (a listening
     * socket goes on accepting) until the selector deregisters the key, at its next select or its close.
     */
    public void close() {
        try {
            selector.close();
        } catch (IOException e) {
            // nothing left to do with a selector that fails to close
        }
    }
}
