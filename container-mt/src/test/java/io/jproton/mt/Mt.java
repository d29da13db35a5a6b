package io.jproton.mt;

import static org.junit.Assert.assertFalse;

import io.jproton.Container;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** Helpers for the multi-threaded tests: bounded runs on a thread of their own. */
final class Mt {
    /** The most any one container run may take in these tests. */
    static final long TIMEOUT_SECONDS = 60;

    private Mt() {}

    /**
     * Starts {@code c.run(threads)} on a new application thread.
     *
     * @return completes when run() returns, exceptionally if it threw
     */
    static CompletableFuture<Void> start(Container c, int threads) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        Thread t = new Thread(() -> {
            try {
                c.run(threads);
                done.complete(null);
            } catch (Throwable e) {
                done.completeExceptionally(e);
            }
        }, "app-run");
        t.setDaemon(true);
        t.start();
        return done;
    }

    /** Runs the container on {@code threads} threads and fails the test if run() does not return in time. */
    static void run(Container c, int threads) throws Exception {
        await(start(c, threads));
    }

    static void await(CompletableFuture<?> f) throws Exception {
        try {
            f.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            assertFalse("run() did not return within " + TIMEOUT_SECONDS + " s", true);
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof Exception x) {
                throw x;
            }
            throw new AssertionError(e.getCause());
        }
    }

    static String url(io.jproton.Listener l) {
        return "amqp://127.0.0.1:" + l.port();
    }
}
