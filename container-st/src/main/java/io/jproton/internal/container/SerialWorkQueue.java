package io.jproton.internal.container;

import io.jproton.WorkQueue;
import io.jproton.internal.io.EventLoop;
import java.time.Duration;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A work queue not tied to a connection, as {@code proton::work_queue(container&)}: its work runs
 * one piece at a time, in the order added, on one of the container's loops, in no connection's
 * context. Each piece added keeps the container running until it has run.
 *
 * <p>Thread-safety: as the container's calls: thread-safe in the multi-threaded container,
 * confined in the single-threaded one.
 */
final class SerialWorkQueue implements WorkQueue {
    /** Pieces run per turn of a loop before the queue yields to the loop's other work. */
    private static final int BATCH = 64;
    private final ContainerBase container;
    private final ConcurrentLinkedQueue<Runnable> work = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean draining = new AtomicBoolean();

    SerialWorkQueue(ContainerBase container) {
        this.container = container;
    }

    @Override
    public boolean add(Runnable w) {
        if (w == null) {
            throw new NullPointerException("work");
        }
        container.checkAccess("WorkQueue.add");
        if (!container.keepAlive.tryAcquire()) {
            return false; // the container has finished
        }
        work.add(w);
        if (draining.compareAndSet(false, true)) {
            loop().execute(this::drain);
        }
        return true;
    }

    /** The caller's own loop if it runs one of this container's (no cross-thread wake-up), else the least loaded. */
    private EventLoop loop() {
        EventLoop mine = EventLoop.ofCurrentThread();
        return mine != null && mine.keepAlive() == container.keepAlive ? mine : container.nextLoop();
    }

    private void drain() {
        try {
            for (int i = 0; i < BATCH; i++) {
                Runnable w = work.poll();
                if (w == null) {
                    break;
                }
                try {
                    w.run();
                } finally {
                    container.keepAlive.release();
                }
            }
        } finally {
            draining.set(false);
            if (!work.isEmpty() && draining.compareAndSet(false, true)) {
                loop().execute(this::drain);
            }
        }
    }

    @Override
    public void schedule(Duration delay, Runnable w) {
        if (delay.isNegative()) {
            throw new IllegalArgumentException("delay must not be negative: " + delay);
        }
        container.schedule(delay, () -> add(w));
    }

    @Override
    public String toString() {
        return "work queue of " + container.container();
    }
}
