package io.jproton.internal.mt.pool;

import io.jproton.internal.io.EventLoop;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;

/**
 * Completes one sender's futures on an executor, never on the thread that decided them (a
 * container thread, where a continuation could block the loop): decided messages queue here, and
 * one task at a time drains the queue, in order. A burst of outcomes costs one executor task.
 *
 * <p>Thread-safety: {@link #add} is thread-safe (any number of producers); no lock is held while a
 * future completes.
 */
final class Completions {
    private static final Logger LOG = io.jproton.internal.engine.Loggers.POOL;

    private final Executor executor;
    private final ConcurrentLinkedQueue<Pending> queue = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean scheduled = new AtomicBoolean();
    private final Runnable drain = this::drain;
    private final Runnable schedule = this::schedule;

    Completions(Executor executor) {
        this.executor = executor;
    }

    /**
     * Queues a decided message; its future completes on the executor. On a container thread the
     * executor gets its task once the current callback has returned, so that the outcomes of one
     * read (often dozens) cost one hand-off, and the executor's thread does not wake per message.
     */
    void add(Pending p) {
        queue.add(p);
        if (!scheduled.get() && scheduled.compareAndSet(false, true)) {
            EventLoop.afterCurrentCallback(schedule);
        }
    }

    private void schedule() {
        try {
            executor.execute(drain);
        } catch (RejectedExecutionException e) {
            // the application shut its executor down: complete here rather than never
            LOG.warn("the completion executor refused work ({}); completing futures on {}", e.getMessage(),
                    Thread.currentThread().getName());
            drain();
        }
    }

    private void drain() {
        while (true) {
            Pending p;
            while ((p = queue.poll()) != null) {
                try {
                    p.complete();
                } catch (RuntimeException | Error e) {
                    // CompletableFuture runs dependents and keeps their exceptions; this is defence only
                    LOG.warn("completing a send's future failed", e);
                }
            }
            scheduled.set(false);
            if (queue.isEmpty() || !scheduled.compareAndSet(false, true)) {
                return;
            }
        }
    }
}
