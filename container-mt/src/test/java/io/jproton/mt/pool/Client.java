package io.jproton.mt.pool;

import io.jproton.Container;
import io.jproton.MessagingHandler;
import io.jproton.internal.mt.pool.SenderCore;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** The application side of the pool tests: a multi-threaded container running on two threads of its own. */
final class Client implements AutoCloseable {
    static final Duration WAIT = Duration.ofSeconds(Peer.TIMEOUT_SECONDS);

    final Container container = new Container(new MessagingHandler() { });
    private final CompletableFuture<Void> run = new CompletableFuture<>();
    private final long secondDecisionsBefore = SenderCore.secondDecisions();

    Client() {
        container.autoStop(false);
        Thread t = new Thread(() -> {
            try {
                container.run(2);
                run.complete(null);
            } catch (Throwable e) {
                run.completeExceptionally(e);
            }
        }, "client-run");
        t.setDaemon(true);
        t.start();
    }

    /** @return completes when the container's run ends, exceptionally if it failed */
    CompletableFuture<Void> run() {
        return run;
    }

    /** @return results decided a second time since this client started (a bug if not 0) */
    long secondDecisions() {
        return SenderCore.secondDecisions() - secondDecisionsBefore;
    }

    /** Stops the container; fails if its run failed (a callback threw) or did not end in time. */
    @Override
    public void close() throws java.util.concurrent.ExecutionException, java.util.concurrent.TimeoutException {
        container.stop();
        Peer.awaitRun(run);
    }

    static <T> T await(CompletableFuture<T> f) throws Exception {
        return f.get(Peer.TIMEOUT_SECONDS, TimeUnit.SECONDS);
    }
}
