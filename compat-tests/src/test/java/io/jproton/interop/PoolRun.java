package io.jproton.interop;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import io.jproton.Connection;
import io.jproton.ConnectionOptions;
import io.jproton.Container;
import io.jproton.Delivery;
import io.jproton.ErrorCondition;
import io.jproton.Message;
import io.jproton.MessagingHandler;
import io.jproton.ReceiverOptions;
import io.jproton.ReconnectOptions;
import io.jproton.internal.mt.pool.SenderCore;
import io.jproton.mt.pool.Outcome;
import io.jproton.mt.pool.SendFailedException;
import io.jproton.mt.pool.SenderKey;
import io.jproton.mt.pool.SenderPool;
import io.jproton.mt.pool.SenderPoolOptions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;

/**
 * One run of many application threads sending through a {@link SenderPool} of 4 connections to a
 * broker, with a jproton receiver on the same queue, and what it counted: each future's result,
 * each message's receipts. An optional action (a broker restart) runs once a third of the
 * messages are accepted. After the senders, a marker message is sent; once the receiver has it,
 * everything the broker holds has been received (one consumer, one queue, in order).
 */
final class PoolRun {
    static final long TIMEOUT_SECONDS = 120;
    static final Duration WAIT = Duration.ofSeconds(TIMEOUT_SECONDS);
    /** Reconnect quickly and for ever: a restarted broker is back within seconds. */
    static final ConnectionOptions RECONNECT = new ConnectionOptions()
            .reconnect(new ReconnectOptions().delay(Duration.ofMillis(20)).maxDelay(Duration.ofMillis(250)));

    // what the futures said
    int accepted;
    int failedMayHaveArrived;
    int failedNotSent;
    int otherOutcome;
    int otherError;
    int completedTwice;
    int neverCompleted;
    long secondDecisions;
    // what the receiver got
    int received;
    int duplicates;
    int acceptedNotReceived;
    int failedButReceived;
    /** Never written, yet received: impossible unless the sender lies. */
    int notSentButReceived;
    boolean restarted;
    double seconds;

    int total() {
        return accepted + failedMayHaveArrived + failedNotSent + otherOutcome + otherError;
    }

    @Override
    public String toString() {
        return String.format("accepted %d, failed %d (of which written before the loss %d, never written %d), other outcomes %d, "
                + "other errors %d, completed twice %d, never completed %d; received %d distinct, duplicates %d, accepted "
                + "but not received %d, failed but received %d, never written but received %d; %.1f s", accepted, failedMayHaveArrived + failedNotSent,
                failedMayHaveArrived, failedNotSent, otherOutcome, otherError, completedTwice, neverCompleted, received,
                duplicates, acceptedNotReceived, failedButReceived, notSentButReceived, seconds);
    }

    /**
     * @param hostPort the broker
     * @param address the queue, not used before
     * @param keyOptions the pooled connections' options (reconnect for a restart run)
     * @param durable whether messages are durable (a persistent broker keeps them across a restart)
     * @param threads sending threads
     * @param perThread messages per thread
     * @param restart run once a third is accepted, on a thread of its own; null for none
     */
    static PoolRun run(String hostPort, String address, ConnectionOptions keyOptions, boolean durable, int threads, int perThread,
            ThrowingRunnable restart) throws Exception {
        int total = threads * perThread;
        PoolRun r = new PoolRun();
        long secondBefore = SenderCore.secondDecisions();
        AtomicIntegerArray completions = new AtomicIntegerArray(total);
        AtomicIntegerArray results = new AtomicIntegerArray(total); // 1 accepted, 2 failed (may have arrived), 3 not sent
        AtomicIntegerArray receipts = new AtomicIntegerArray(total);
        AtomicInteger otherOutcome = new AtomicInteger();
        AtomicInteger otherError = new AtomicInteger();
        CountDownLatch allDone = new CountDownLatch(total);
        CountDownLatch thirdAccepted = new CountDownLatch(total / 3);
        CountDownLatch receiverOpen = new CountDownLatch(1);
        CountDownLatch marker = new CountDownLatch(1);
        Container c = new Container(new MessagingHandler() { });
        c.autoStop(false);
        CompletableFuture<Void> run = CompletableFuture.runAsync(() -> c.run(2), r2 -> new Thread(r2, "pool-run").start());
        c.connect(hostPort, new ConnectionOptions(RECONNECT).handler(new MessagingHandler() {
            @Override
            public void onConnectionOpen(Connection conn) {
                if (!conn.reconnected()) {
                    conn.openReceiver(address, new ReceiverOptions().creditWindow(1000));
                }
            }

            @Override
            public void onReceiverOpen(io.jproton.Receiver receiver) {
                receiverOpen.countDown();
            }

            @Override
            public void onMessage(Delivery d, Message m) {
                if (m.body() instanceof Integer id) {
                    receipts.incrementAndGet(id);
                } else if ("marker".equals(m.body())) {
                    marker.countDown();
                }
            }

            @Override
            public void onError(ErrorCondition condition) {
                // a restarted broker closes us; reconnect brings us back
            }
        }));
        assertTrue("receiver open", receiverOpen.await(TIMEOUT_SECONDS, TimeUnit.SECONDS));
        Thread restarter = null;
        List<Throwable> errors = Collections.synchronizedList(new ArrayList<>());
        try (SenderPool pool = new SenderPool(c, new SenderPoolOptions().maxPerKey(4).maxTotal(8))) {
            SenderKey key = new SenderKey(hostPort, address, keyOptions, null);
            if (restart != null) {
                restarter = new Thread(() -> {
                    try {
                        if (thirdAccepted.await(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                            restart.run();
                            r.restarted = true;
                        }
                    } catch (Throwable e) {
                        errors.add(e);
                    }
                }, "restarter");
                restarter.start();
            }
            long t0 = System.nanoTime();
            List<Thread> senders = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int base = t * perThread;
                Thread th = new Thread(() -> {
                    try {
                        for (int i = 0; i < perThread; i++) {
                            int id = base + i;
                            pool.send(key, new Message(id).durable(durable), WAIT).whenComplete((o, e) -> {
                                completions.incrementAndGet(id);
                                if (e instanceof SendFailedException f) {
                                    results.set(id, f.mayHaveArrived() ? 2 : 3);
                                } else if (e != null) {
                                    otherError.incrementAndGet();
                                } else if (o.isAccepted()) {
                                    results.set(id, 1);
                                    thirdAccepted.countDown();
                                } else {
                                    otherOutcome.incrementAndGet();
                                }
                                allDone.countDown();
                            });
                        }
                    } catch (Throwable e) {
                        errors.add(e);
                    }
                }, "app-" + t);
                senders.add(th);
                th.start();
            }
            for (Thread th : senders) {
                th.join(TimeUnit.SECONDS.toMillis(TIMEOUT_SECONDS));
                assertFalse("a sending thread did not finish", th.isAlive());
            }
            assertTrue("every future completes: " + allDone.getCount() + " left", allDone.await(TIMEOUT_SECONDS, TimeUnit.SECONDS));
            r.seconds = (System.nanoTime() - t0) / 1e9;
            if (restarter != null) {
                restarter.join(TimeUnit.SECONDS.toMillis(TIMEOUT_SECONDS));
            }
            assertEquals(List.of(), errors);
            // the marker goes in after every accepted message: once it is received, so is everything the broker kept
            Outcome markerOutcome = pool.send(key, new Message("marker").durable(durable), WAIT).get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            assertTrue("marker accepted: " + markerOutcome, markerOutcome.isAccepted());
            assertTrue("the receiver got the marker", marker.await(TIMEOUT_SECONDS, TimeUnit.SECONDS));
        } finally {
            c.stop();
        }
        run.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        r.otherOutcome = otherOutcome.get();
        r.otherError = otherError.get();
        for (int id = 0; id < total; id++) {
            int n = completions.get(id);
            r.completedTwice += n > 1 ? 1 : 0;
            r.neverCompleted += n == 0 ? 1 : 0;
            int got = receipts.get(id);
            r.received += got > 0 ? 1 : 0;
            r.duplicates += Math.max(0, got - 1);
            switch (results.get(id)) {
                case 1 -> {
                    r.accepted++;
                    r.acceptedNotReceived += got == 0 ? 1 : 0;
                }
                case 2 -> {
                    r.failedMayHaveArrived++;
                    r.failedButReceived += got > 0 ? 1 : 0;
                }
                case 3 -> {
                    r.failedNotSent++;
                    r.notSentButReceived += got > 0 ? 1 : 0;
                }
                default -> { }
            }
        }
        r.secondDecisions = SenderCore.secondDecisions() - secondBefore;
        return r;
    }

    /** A restart: may throw. */
    interface ThrowingRunnable {
        void run() throws Exception;
    }
}
