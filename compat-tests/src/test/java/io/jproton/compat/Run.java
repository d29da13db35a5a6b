package io.jproton.compat;

import static org.junit.Assert.fail;

import io.jproton.Container;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Runs containers with a deadline, so that no test can hang. */
final class Run {
    static final long TIMEOUT_SECONDS = 20;
    /**
     * Threads for run(): 1 (plain run(), the calling thread) unless the build sets
     * {@code jproton.test.runThreads} (the multi-threaded container's run with 4 threads, so the
     * suite crosses loops).
     */
    static final int THREADS = Integer.getInteger("jproton.test.runThreads", 1);

    private Run() {}

    /** Runs the container on a new thread and waits for run() to return, at most TIMEOUT_SECONDS. */
    static void bounded(Container c) throws Exception {
        FutureTask<Void> task = start(c);
        join(task);
    }

    static FutureTask<Void> start(Container c) {
        FutureTask<Void> task = new FutureTask<>(() -> {
            if (THREADS > 1) {
                c.run(THREADS);
            } else {
                c.run();
            }
            return null;
        });
        Thread t = new Thread(task, "container-run");
        t.setDaemon(true);
        t.start();
        return task;
    }

    static void join(FutureTask<Void> task) throws Exception {
        try {
            task.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            task.cancel(true);
            fail("container.run() did not return within " + TIMEOUT_SECONDS + " s");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Exception ex) {
                throw ex;
            }
            throw new AssertionError(e.getCause());
        }
    }
}
