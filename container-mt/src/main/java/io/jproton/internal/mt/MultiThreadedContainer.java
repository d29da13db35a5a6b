package io.jproton.internal.mt;

import io.jproton.Container;
import io.jproton.MessagingHandler;
import io.jproton.ProtonException;
import io.jproton.internal.container.ContainerBase;
import io.jproton.internal.io.Confinement;
import io.jproton.internal.io.EventLoop;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.Lock;

/**
 * The multi-threaded container: several {@link EventLoop}s, each driven by one thread (a
 * {@code run()} caller or a worker the container starts). A connection stays on the loop it was
 * given, so its callbacks never overlap and each happens-before the next; connections on
 * different loops run in parallel. New connections go to the least loaded loop.
 *
 * <p>Thread-safety: the container calls, work queues and listener stop are thread-safe; a
 * connection's objects are confined to its own context (its callbacks and its work queue's work).
 */
final class MultiThreadedContainer extends ContainerBase {
    static final String REMEDY = "in the multi-threaded container a connection's objects may be touched only in that "
            + "connection's own callbacks or in work added to its work queue: call connection.workQueue().add(...) "
            + "(thread-safe) and act there";

    /** A loop and whether a thread drives it now. */
    private static final class Slot {
        final EventLoop loop;
        volatile boolean claimed; // written under the container's lifecycle lock
        /** Connections on the loop now. */
        final AtomicInteger connections = new AtomicInteger();

        Slot(EventLoop loop) {
            this.loop = loop;
        }
    }

    private final Object lifecycle = new Object();
    private final List<Slot> slots = new CopyOnWriteArrayList<>();
    private final AtomicInteger nextIndex = new AtomicInteger();
    private final AtomicInteger workerNames = new AtomicInteger();
    private volatile Lock externalLock;
    // guarded by lifecycle:
    private int threadsInRun;
    private boolean started;
    private boolean ending;
    private long generation;

    MultiThreadedContainer(Container container, MessagingHandler handler, String id) {
        super(container, handler, id, Confinement.CONNECTION);
        slots.add(new Slot(newLoop())); // for connections made before run()
    }

    private EventLoop newLoop() {
        EventLoop loop = newLoop(REMEDY);
        loop.externalLock(externalLock);
        return loop;
    }

    @Override
    public String providerName() {
        return "mt";
    }

    @Override
    public void run(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("run(" + threads + "): at least one thread");
        }
        EventLoop caller = EventLoop.ofCurrentThread();
        if (caller != null && caller.keepAlive() == keepAlive) {
            // a loop thread that ran another loop here would leave its own connections waiting on it
            throw new IllegalStateException("run() called from one of this container's own threads (in a callback); "
                    + "call it from an application thread");
        }
        List<Slot> mine = new ArrayList<>();
        boolean first;
        long myGeneration;
        synchronized (lifecycle) {
            while (ending) {
                waitOn(lifecycle); // a run is ending
            }
            if (outcome.ended()) {
                outcome.rethrow(); // a container runs once; a late run() call shares the outcome
                return;
            }
            first = threadsInRun == 0;
            myGeneration = generation;
            threadsInRun += threads;
            for (int i = 0; i < threads; i++) {
                mine.add(claim()); // claimed loops take new connections, so those made in onContainerStart spread
            }
        }
        EventLoop own = mine.get(0).loop;
        if (first) {
            try {
                own.thread(Thread.currentThread());
                own.callback(null, () -> handler().onContainerStart(container()));
            } catch (Throwable t) {
                fail(t);
            } finally {
                own.thread(null);
                synchronized (lifecycle) {
                    started = true;
                    lifecycle.notifyAll();
                }
            }
        } else {
            synchronized (lifecycle) {
                while (!started) {
                    waitOn(lifecycle);
                }
            }
        }
        for (Slot slot : mine.subList(1, mine.size())) {
            Thread t = new Thread(() -> serveThenLeave(slot), "jproton-" + id() + "-" + workerNames.incrementAndGet());
            t.setDaemon(true);
            t.start();
        }
        serveThenLeave(mine.get(0));
        synchronized (lifecycle) {
            while (generation == myGeneration) {
                waitOn(lifecycle); // every run() returns after onContainerStop
            }
        }
        outcome.rethrow();
    }

    private static void waitOn(Object monitor) {
        try {
            monitor.wait();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProtonException("interrupted while waiting for the container", e);
        }
    }

    /** @return a loop no thread drives, claimed for the caller (lifecycle lock held) */
    private Slot claim() {
        for (Slot s : slots) {
            if (!s.claimed) {
                s.claimed = true;
                return s;
            }
        }
        Slot s = new Slot(newLoop());
        s.claimed = true;
        slots.add(s);
        return s;
    }

    /** Drives one loop until the container finishes; the last thread out ends the run. */
    private void serveThenLeave(Slot slot) {
        EventLoop loop = slot.loop;
        Lock lock = externalLock;
        if (lock != null) {
            lock.lock();
        }
        loop.thread(Thread.currentThread());
        try {
            loop.flushDirty();
            while (!done()) {
                loop.turn(true);
            }
        } catch (Throwable t) {
            fail(t);
        } finally {
            if (failed()) {
                abortAll(loop);
            }
            loop.thread(null);
            if (lock != null) {
                lock.unlock();
            }
        }
        leave(slot);
    }

    private void leave(Slot slot) {
        boolean last;
        synchronized (lifecycle) {
            slot.claimed = false;
            last = --threadsInRun == 0;
            if (last) {
                ending = true;
            }
        }
        if (!last) {
            return;
        }
        if (failed()) {
            abortAll(null);
        } else {
            try {
                handler().onContainerStop(container());
            } catch (Throwable t) {
                fail(t);
            }
        }
        runEnded();
        synchronized (lifecycle) {
            for (Slot s : slots) {
                s.loop.close(); // every thread has left: release the sockets closed during the run (see EventLoop.close)
            }
            ending = false;
            generation++;
            lifecycle.notifyAll();
        }
    }

    private boolean done() {
        return failed() || finishedRunning();
    }

    private boolean failed() {
        return outcome.failed();
    }

    private void fail(Throwable t) {
        outcome.fail(t);
        wakeAll();
    }

    @Override
    public void externalLock(Lock lock) {
        synchronized (lifecycle) {
            if (threadsInRun > 0) {
                throw new IllegalStateException("set the external lock before run()");
            }
            externalLock = lock;
            for (Slot s : slots) {
                s.loop.externalLock(lock);
            }
        }
    }

    // ---- ContainerBase

    @Override
    protected void connectionsChanged(EventLoop loop, int delta) {
        for (Slot s : slots) {
            if (s.loop == loop) {
                s.connections.addAndGet(delta);
                return;
            }
        }
    }

    /** The least loaded loop that a thread serves (any loop before run()), taking turns among equals. */
    @Override
    protected EventLoop nextLoop() {
        int n = slots.size();
        int start = Math.floorMod(nextIndex.getAndIncrement(), n);
        Slot best = null;
        for (int i = 0; i < n; i++) {
            Slot s = slots.get((start + i) % n);
            if (best == null || (s.claimed && !best.claimed)
                    || (s.claimed == best.claimed && s.connections.get() < best.connections.get())) {
                best = s;
            }
        }
        return best.loop;
    }

    @Override
    protected void wakeAll() {
        for (Slot s : slots) {
            s.loop.wakeup();
        }
    }
}
