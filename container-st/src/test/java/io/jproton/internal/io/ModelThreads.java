package io.jproton.internal.io;

import java.util.concurrent.atomic.AtomicReference;

/**
 * The threads of one block run by Lincheck's {@code runConcurrentTest}: started, joined, and what
 * failed on any of them thrown again on the thread that joins them. An exception on a thread the
 * block started does not by itself fail the block (it only ends that thread), so an assertion a
 * thread makes must come back this way to count.
 *
 * <p>The threads share only the failure (not this object), so that the model checker does not
 * take the bookkeeping here for shared state worth interleaving.
 */
public final class ModelThreads {
    private final Thread[] threads = new Thread[4];
    private int started;
    private final AtomicReference<Throwable> failure = new AtomicReference<>();

    /**
     * @param body what the thread does
     */
    public void start(Runnable body) {
        AtomicReference<Throwable> failed = failure;
        Thread t = new Thread(() -> {
            try {
                body.run();
            } catch (Throwable e) {
                failed.compareAndSet(null, e);
            }
        });
        threads[started++] = t;
        t.start();
    }

    /** Waits for every thread started, then throws the first failure of any of them. */
    public void joinAll() {
        for (int i = 0; i < started; i++) {
            try {
                threads[i].join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
        Throwable f = failure.get();
        if (f instanceof Error e) {
            throw e;
        }
        if (f != null) {
            throw new AssertionError(f);
        }
    }
}
