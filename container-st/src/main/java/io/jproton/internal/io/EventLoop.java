package io.jproton.internal.io;

import io.jproton.internal.codec.GrowableBuffer;
import java.nio.channels.Selector;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * One loop: timers, a cross-thread inbox of work, the connections that need flushing, and whose
 * code runs now; its I/O half is a {@link LoopSelector}. It owns no thread: whoever calls
 * {@link #turn(boolean)} runs it (the single-threaded container's {@code run()} thread, or one
 * worker of the multi-threaded one). Netty 4.2's {@code ManualIoEventLoop} has the same shape.
 *
 * <p>The loop's {@link Confinement} is the one scheduling difference between the containers: who
 * may touch a connection's objects, and which calls are thread-safe.
 *
 * <p>Thread-safety: {@link #execute(Runnable)}, {@link #runOrExecute(Runnable)}, {@link #wakeup()},
 * {@link #scheduleWork} and {@link #nanoTime()} are thread-safe; everything else is confined to the
 * thread that runs the loop, or to a thread holding the external lock.
 *
 * <p>Size: about 450 lines, half of them Javadoc of the thread-safety of each method. The selector
 * is {@link LoopSelector}, the wake-up hand-shake {@link WakeupLatch}, the timers {@link TimerQueue},
 * the rule of who may touch what {@link Confinement}; what stays is the turn and the context whose
 * code runs now, which the confinement reads.
 */
public final class EventLoop {
    /** Queued work run per turn, at most, so that I/O and timers are not starved by a busy producer. */
    static final int MAX_WORK_PER_TURN = 4096;
    /** The loop each thread runs now, if any. */
    private static final ThreadLocal<EventLoop> RUN_BY = new ThreadLocal<>();

    private final LoopSelector io = new LoopSelector();
    private final Confinement confinement;
    private final KeepAlive keepAlive;
    private final Ticker ticker;
    private final String remedy;
    /** The connection (or other owner) whose code the loop's thread is running now, or null. */
    private Object current;
    /** How deeply the loop's thread is nested in callbacks and work now (0 between them). */
    private int depth;
    /** Hand-offs that wait until the current callback or piece of work has returned. */
    private final ArrayDeque<Runnable> deferred = new ArrayDeque<>();
    private final TimerQueue timers = new TimerQueue();
    private final ArrayDeque<SocketConnection> dirty = new ArrayDeque<>();
    private final ConcurrentLinkedQueue<Runnable> inbox = new ConcurrentLinkedQueue<>();
    /** Encodes messages for every connection this loop's thread runs: one buffer per thread, not per connection. */
    private final GrowableBuffer scratch = new GrowableBuffer(512);
    private volatile Thread thread;
    private volatile Lock externalLock;
    /** Whether a wait must not block because work is already there (one object, not one per turn). */
    private final java.util.function.BooleanSupplier workWaiting = () -> !inbox.isEmpty() || !dirty.isEmpty();

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
    }

    Selector selector() {
        return io.selector();
    }

    /**
     * @return who may touch what on this loop
     */
    public Confinement confinement() {
        return confinement;
    }

    /**
     * @return the container's count of what keeps it running
     */
    public KeepAlive keepAlive() {
        return keepAlive;
    }

    // ---- the thread that runs the loop, and whose code it runs

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
     * @return the thread running the loop, or null
     */
    public Thread thread() {
        return thread;
    }

    /**
     * @return true if the calling thread runs this loop
     */
    public boolean inLoop() {
        return thread == Thread.currentThread();
    }

    /**
     * @return the loop the calling thread runs now, or null
     */
    public static EventLoop ofCurrentThread() {
        return RUN_BY.get();
    }

    /**
     * @return the connection in whose context the calling thread runs now, or null
     */
    public static SocketConnection currentConnection() {
        EventLoop loop = RUN_BY.get();
        return loop != null && loop.current instanceof SocketConnection c ? c : null;
    }

    /** @return the owner whose code the loop's thread runs now (null between callbacks); for the confinement */
    Object currentOwner() {
        return current;
    }

    /**
     * @return this loop's scratch buffer if the calling thread runs this loop (the usual case), else
     *         the scratch buffer of whatever loop the calling thread runs, or null
     */
    public GrowableBuffer scratchForCaller() {
        if (inLoop()) {
            return scratch;
        }
        EventLoop other = RUN_BY.get();
        return other == null ? null : other.scratch;
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

    /** {@link #callback} for a ready channel, without a lambda per ready key. */
    void runAs(Selectable target, int readyOps) {
        Object previous = enter(target);
        try {
            target.onReady(readyOps);
        } finally {
            exit(previous);
        }
        runDeferred();
    }

    /**
     * Marks the start of code run on behalf of an owner (a connection), for {@link #checkAccess(String, Object, boolean)}.
     *
     * @param owner the owner
     * @return the previous owner, to give back to {@link #exit(Object)}
     */
    Object enter(Object owner) {
        assert inLoop() || thread == null || externalLockHeld() : "entered from outside the loop";
        Object previous = current;
        current = owner;
        depth++;
        return previous;
    }

    /**
     * @param previous what {@link #enter(Object)} returned
     */
    void exit(Object previous) {
        assert depth > 0 : "exit without enter";
        current = previous;
        depth--;
    }

    private void runDeferred() {
        if (depth == 0) {
            Runnable r;
            while ((r = deferred.poll()) != null) {
                r.run();
            }
        }
    }

    // ---- confinement

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
     * Throws unless the calling thread may touch this loop's own objects, outside any connection's
     * context: under {@link Confinement#LOOP} (the only model that confines container calls, and so
     * the only caller) the loop's thread, any thread while none runs the loop, or the external
     * lock's holder.
     *
     * @param what the method being called
     */
    public void checkAccess(String what) {
        if (!confinement.admits(this, null) && !externalLockHeld()) {
            throw confinement.refusal(what, this, null, remedy);
        }
    }

    /**
     * Throws unless the calling thread may touch the objects of a connection on this loop now.
     *
     * @param what the method being called
     * @param context the connection (its context object) the objects belong to
     * @param running false where the connection is not run by the loop: its creator has not yet
     *        handed it over, or it has finished (see {@link Confinement#freesUnrunConnections()})
     */
    public void checkAccess(String what, Object context, boolean running) {
        if ((!running && confinement.freesUnrunConnections()) || confinement.admits(this, context) || externalLockHeld()) {
            return;
        }
        throw confinement.refusal(what, this, context, remedy);
    }

    /**
     * Throws if the calling thread may not make a call that only the multi-threaded container
     * makes thread-safe (a container call, a work queue call, {@code Listener.stop}).
     *
     * @param what the method being called
     */
    public void checkThreadSafeCall(String what) {
        if (!confinement.threadSafeCalls()) {
            checkAccess(what);
        }
    }

    /** @return true if the calling thread holds the external lock */
    private boolean externalLockHeld() {
        Lock lock = externalLock;
        if (lock instanceof ReentrantLock r) {
            return r.isHeldByCurrentThread();
        }
        if (lock instanceof ReentrantReadWriteLock.WriteLock w) {
            return w.isHeldByCurrentThread();
        }
        return false; // no lock, or a kind Container.externalLock refuses: never let a caller through unchecked
    }

    // ---- work and timers

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
     * Thread-safe: runs work now if the confinement lets the calling thread run it inline (see
     * {@link Confinement#mayRunInline}), else on the loop soon.
     *
     * @param work the work
     */
    public void runOrExecute(Runnable work) {
        if (confinement.mayRunInline(this)) {
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
        io.wakeup();
    }

    void markDirty(SocketConnection c) {
        assert inLoop() || thread == null || externalLockHeld() : "marked dirty from outside the loop";
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

    // ---- the turn

    /**
     * One turn of the loop: waits (external lock released) for I/O, a timer, or a wakeup, then
     * runs what is ready: I/O, due timers, queued work, and flushes the connections that changed.
     * A callback's exception propagates.
     *
     * @param mayBlock false to only poll
     */
    public void turn(boolean mayBlock) {
        assert inLoop() : "turn() called by a thread that does not run the loop";
        flushDirty();
        io.await(mayBlock ? timers.untilNext(ticker.nanoTime()) : 0, workWaiting, externalLock);
        io.dispatchReady(this);
        long now = ticker.nanoTime();
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
        io.close();
    }
}
