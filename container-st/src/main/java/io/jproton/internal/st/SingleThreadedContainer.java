package io.jproton.internal.st;

import io.jproton.Container;
import io.jproton.ErrorCondition;
import io.jproton.MessagingHandler;
import io.jproton.WorkHandle;
import io.jproton.internal.container.ContainerBase;
import io.jproton.internal.io.EventLoop;
import io.jproton.internal.io.ListenerImpl;
import io.jproton.internal.io.SocketConnection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.concurrent.locks.Lock;

/**
 * The single-threaded container: one {@link EventLoop} driven by the thread that calls
 * {@code run()}, with an optional external lock for other threads. Creates no thread.
 *
 * <p>Thread-safety: confined to the run thread (or any thread before run, or a thread holding
 * the external lock); {@link io.jproton.Connection#wake()} is the one thread-safe call.
 */
final class SingleThreadedContainer extends ContainerBase {
    private static final Duration STOP_GRACE = Duration.ofSeconds(2);
    static final String REMEDY = "the single-threaded container is confined to its run() thread; from another thread, "
            + "call Connection.wake() and act in onConnectionWake, or hold the lock given to Container.externalLock() "
            + "and then call Connection.wake()";

    private final EventLoop loop = new EventLoop(REMEDY);
    private final Set<SocketConnection> connections = new LinkedHashSet<>();
    private final Set<ListenerImpl> listeners = new LinkedHashSet<>();
    private boolean autoStop = true;
    private boolean running;
    private boolean stopping;
    private boolean forcedStop;

    SingleThreadedContainer(Container container, MessagingHandler handler, String id) {
        super(container, handler, id);
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
            running = true;
        }
        Lock lock = loop.externalLock();
        if (lock != null) {
            lock.lock();
        }
        loop.thread(Thread.currentThread());
        try {
            handler().onContainerStart(container());
            loop.flushDirty();
            while (!done()) {
                loop.turn(true);
            }
            handler().onContainerStop(container());
        } catch (RuntimeException | Error e) {
            abortAll();
            throw e;
        } catch (Throwable t) {
            // a checked exception thrown sneakily by a handler: stop all the same, and report it
            abortAll();
            throw new io.jproton.ProtonException("a callback failed: " + t, t);
        } finally {
            loop.thread(null);
            if (lock != null) {
                lock.unlock();
            }
            synchronized (this) {
                running = false;
            }
        }
    }

    private boolean done() {
        loop.flushDirty();
        if (!connections.isEmpty() || loop.hasQueuedWork()) {
            return false;
        }
        if (stopping) {
            return listeners.isEmpty();
        }
        return autoStop && listeners.isEmpty() && loop.pendingUserTimers() == 0;
    }

    private void abortAll() {
        for (SocketConnection c : new ArrayList<>(connections)) {
            c.abort();
        }
        connections.clear();
        for (ListenerImpl l : new ArrayList<>(listeners)) {
            try {
                l.close();
            } catch (RuntimeException e) {
                // the container is already failing with the first error
            }
        }
        listeners.clear();
    }

    @Override
    public void stop(ErrorCondition condition) {
        checkAccess("Container.stop");
        if (stopping) {
            return;
        }
        stopping = true;
        loop.cancelUserTimers();
        for (ListenerImpl l : new ArrayList<>(listeners)) {
            l.close();
        }
        for (SocketConnection c : new ArrayList<>(connections)) {
            c.stop(condition);
        }
        loop.schedule(STOP_GRACE, this::forceStop, false);
        loop.wakeup();
    }

    private void forceStop() {
        if (!forcedStop && !connections.isEmpty()) {
            forcedStop = true;
            for (SocketConnection c : new ArrayList<>(connections)) {
                c.driver().abort(null);
                c.driver().host().markDirty();
            }
        }
    }

    @Override
    public void autoStop(boolean autoStop) {
        checkAccess("Container.autoStop");
        this.autoStop = autoStop;
    }

    @Override
    public WorkHandle schedule(Duration delay, Runnable work) {
        checkAccess("Container.schedule");
        return loop.schedule(delay, work, true);
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
    protected void checkAccess(String what) {
        loop.checkAccess(what);
    }

    @Override
    protected void checkNotStopping() {
        if (stopping) {
            throw new IllegalStateException("container is stopping");
        }
    }

    @Override
    protected EventLoop nextLoop() {
        return loop;
    }

    @Override
    protected void added(SocketConnection c) {
        connections.add(c);
    }

    @Override
    protected void finished(SocketConnection c) {
        connections.remove(c);
    }

    @Override
    protected void added(ListenerImpl l) {
        listeners.add(l);
    }

    @Override
    protected void closed(ListenerImpl l) {
        listeners.remove(l);
    }
}
