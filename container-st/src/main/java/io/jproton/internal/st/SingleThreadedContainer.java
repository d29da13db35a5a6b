package io.jproton.internal.st;

import io.jproton.Container;
import io.jproton.MessagingHandler;
import io.jproton.internal.container.ContainerBase;
import io.jproton.internal.io.Confinement;
import io.jproton.internal.io.EventLoop;
import java.util.concurrent.locks.Lock;

/**
 * The single-threaded container: one {@link EventLoop} driven by the thread that calls
 * {@code run()}, with an optional external lock for other threads. Creates no thread.
 *
 * <p>Thread-safety: confined to the run thread (or any thread before run, or a thread holding
 * the external lock); {@link io.jproton.Connection#wake()} is the one thread-safe call.
 */
final class SingleThreadedContainer extends ContainerBase {
    static final String REMEDY = "the single-threaded container is confined to its run() thread; from another thread, "
            + "call Connection.wake() and act in onConnectionWake, or hold the lock given to Container.externalLock() "
            + "and then call Connection.wake()";

    private final EventLoop loop = newLoop(REMEDY);
    /** A thread is in run() now; guarded by this. */
    private boolean running;

    SingleThreadedContainer(Container container, MessagingHandler handler, String id) {
        super(container, handler, id, Confinement.LOOP);
    }

    @Override
    public String providerName() {
        return "st";
    }

    @Override
    public void run(int threads) {
        if (threads > 1) {
            throw new UnsupportedOperationException("run(" + threads + "): the single-threaded container runs on the "
                    + "calling thread only; for worker threads add the io.jproton:container-mt dependency");
        }
        synchronized (this) {
            if (running) {
                throw new IllegalStateException("the container is already running");
            }
            if (outcome.ended()) {
                outcome.rethrow(); // a container runs once; a later run() call shares the outcome
                return;
            }
            running = true;
        }
        Lock lock = loop.externalLock();
        if (lock != null) {
            lock.lock();
        }
        loop.thread(Thread.currentThread());
        try {
            loop.callback(null, () -> handler().onContainerStart(container()));
            loop.flushDirty();
            while (!done()) {
                loop.turn(true);
            }
            handler().onContainerStop(container());
        } catch (Throwable t) {
            abortAll(null);
            outcome.fail(t);
        } finally {
            // the selector goes: the sockets closed during the run are released only when their keys are
            // deregistered, which a selector that never selects again would not do (a listening port
            // would go on accepting into its backlog)
            runEnded();
            loop.close();
            loop.thread(null);
            if (lock != null) {
                lock.unlock();
            }
            synchronized (this) {
                running = false;
            }
        }
        outcome.rethrow();
    }

    private boolean done() {
        loop.flushDirty();
        return !loop.hasQueuedWork() && finishedRunning();
    }

    @Override
    public void externalLock(Lock lock) {
        synchronized (this) {
            if (running) {
                throw new IllegalStateException("set the external lock before run()");
            }
        }
        loop.externalLock(lock);
    }

    // ---- ContainerBase

    @Override
    protected EventLoop nextLoop() {
        return loop;
    }

    @Override
    protected void wakeAll() {
        loop.wakeup();
    }
}
