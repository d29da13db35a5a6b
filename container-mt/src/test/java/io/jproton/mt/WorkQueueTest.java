package io.jproton.mt;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import io.jproton.Connection;
import io.jproton.ConnectionOptions;
import io.jproton.Container;
import io.jproton.Listener;
import io.jproton.MessagingHandler;
import io.jproton.Transport;
import io.jproton.WorkQueue;
import java.time.Duration;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.Test;

/** WorkQueue.add from many threads: nothing lost, nothing run twice, a true always kept, a false never run. */
public class WorkQueueTest {
    private static final int PRODUCERS = 8;
    private static final int ADDS = 100_000;

    /** A client connection to a listener in the same container; the future gets its work queue once open. */
    private static Container clientAndServer(CompletableFuture<Connection> opened, MessagingHandler client) {
        return new Container(new MessagingHandler() {
            @Override
            public void onContainerStart(Container c) {
                Listener l = c.listen("127.0.0.1:0", new io.jproton.ListenHandler() {
                    @Override
                    public ConnectionOptions onAccept(Listener listener) {
                        listener.stop();
                        return null;
                    }
                });
                c.connect(Mt.url(l), new ConnectionOptions().handler(client));
            }
        });
    }

    @Test
    public void eightThreadsAddAHundredThousandEachAndEveryPieceRunsOnceInEachThreadsOrder() throws Exception {
        CompletableFuture<Connection> opened = new CompletableFuture<>();
        BitSet ran = new BitSet(PRODUCERS * ADDS);
        int[] duplicates = {0};
        int[] outOfOrder = {0};
        int[] last = new int[PRODUCERS];
        java.util.Arrays.fill(last, -1);
        Thread[] workThread = new Thread[1];
        int[] wrongContext = {0};
        MessagingHandler client = new MessagingHandler() {
            @Override
            public void onConnectionOpen(Connection c) {
                workThread[0] = Thread.currentThread();
                opened.complete(c);
            }
        };
        Container container = clientAndServer(opened, client);
        CompletableFuture<Void> run = Mt.start(container, 4);
        Connection c = opened.get(Mt.TIMEOUT_SECONDS, TimeUnit.SECONDS);
        WorkQueue wq = c.workQueue();
        CountDownLatch go = new CountDownLatch(1);
        List<Thread> producers = new ArrayList<>();
        AtomicInteger refused = new AtomicInteger();
        for (int p = 0; p < PRODUCERS; p++) {
            int producer = p;
            Thread t = new Thread(() -> {
                try {
                    go.await();
                } catch (InterruptedException e) {
                    return;
                }
                for (int i = 0; i < ADDS; i++) {
                    int seq = i;
                    boolean ok = wq.add(() -> {
                        // plain fields, no lock: serialization with the connection's context is what protects them
                        if (Thread.currentThread() != workThread[0]) {
                            wrongContext[0]++;
                        }
                        int id = producer * ADDS + seq;
                        if (ran.get(id)) {
                            duplicates[0]++;
                        }
                        ran.set(id);
                        if (seq <= last[producer]) {
                            outOfOrder[0]++;
                        }
                        last[producer] = seq;
                        c.properties(); // touching the connection is allowed in its work
                    });
                    if (!ok) {
                        refused.incrementAndGet();
                    }
                }
            }, "producer-" + p);
            producers.add(t);
            t.start();
        }
        go.countDown();
        for (Thread t : producers) {
            t.join(TimeUnit.SECONDS.toMillis(Mt.TIMEOUT_SECONDS));
            assertFalse("producer finished", t.isAlive());
        }
        assertTrue(wq.add(c::close));
        Mt.await(run);
        assertEquals("refused while the connection was open", 0, refused.get());
        assertEquals("pieces run", PRODUCERS * ADDS, ran.cardinality());
        assertEquals("pieces run twice", 0, duplicates[0]);
        assertEquals("pieces run out of their producer's order", 0, outOfOrder[0]);
        assertEquals("pieces run off the connection's thread", 0, wrongContext[0]);
    }

    @Test
    public void addRacingWithCloseKeepsEveryTrueAndRunsNoFalse() throws Exception {
        for (int round = 0; round < 30; round++) {
            CompletableFuture<Connection> opened = new CompletableFuture<>();
            MessagingHandler client = new MessagingHandler() {
                @Override
                public void onConnectionOpen(Connection c) {
                    opened.complete(c);
                }
            };
            Container container = clientAndServer(opened, client);
            CompletableFuture<Void> run = Mt.start(container, 2);
            Connection c = opened.get(Mt.TIMEOUT_SECONDS, TimeUnit.SECONDS);
            WorkQueue wq = c.workQueue();
            int max = 2_000_000;
            int closeAt = 1_000 + round * 100;
            boolean[] promised = new boolean[max];
            java.util.concurrent.atomic.AtomicIntegerArray runs = new java.util.concurrent.atomic.AtomicIntegerArray(max);
            int[] added = {0};
            Thread adder = new Thread(() -> {
                int falsesSeen = 0;
                for (int i = 0; i < max && falsesSeen < 100; i++) { // until well past the finish
                    int id = i;
                    promised[i] = wq.add(() -> runs.incrementAndGet(id));
                    if (!promised[i]) {
                        falsesSeen++;
                    }
                    if (i == closeAt) {
                        wq.add(c::close); // close from its own context while the adds go on
                    }
                    added[0] = i + 1;
                }
            });
            adder.start();
            adder.join(TimeUnit.SECONDS.toMillis(Mt.TIMEOUT_SECONDS));
            assertFalse(adder.isAlive());
            Mt.await(run);
            int n = added[0];
            int trues = 0;
            int falses = 0;
            boolean sawFalse = false;
            for (int i = 0; i < n; i++) {
                if (promised[i]) {
                    assertFalse("a true after a false (piece " + i + ")", sawFalse);
                    assertEquals("piece " + i + " was promised", 1, runs.get(i));
                    trues++;
                } else {
                    sawFalse = true;
                    assertEquals("piece " + i + " was refused but ran", 0, runs.get(i));
                    falses++;
                }
            }
            assertTrue("some adds were accepted", trues > 0);
            assertTrue("the connection finished before the adds ended, so some were refused", falses > 0);
        }
    }

    @Test
    public void aFinishedConnectionsWorkQueueRefusesWork() throws Exception {
        CompletableFuture<Connection> opened = new CompletableFuture<>();
        CompletableFuture<Void> closed = new CompletableFuture<>();
        MessagingHandler client = new MessagingHandler() {
            @Override
            public void onConnectionOpen(Connection c) {
                opened.complete(c);
                c.close();
            }

            @Override
            public void onTransportClose(Transport t) {
                closed.complete(null);
            }
        };
        Container container = clientAndServer(opened, client);
        container.autoStop(false);
        CompletableFuture<Void> run = Mt.start(container, 2);
        WorkQueue wq = opened.get(Mt.TIMEOUT_SECONDS, TimeUnit.SECONDS).workQueue();
        closed.get(Mt.TIMEOUT_SECONDS, TimeUnit.SECONDS);
        // the final callback has run; the connection finishes right after it
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(Mt.TIMEOUT_SECONDS);
        boolean refused = false;
        AtomicInteger refusedRan = new AtomicInteger();
        java.util.Set<Integer> ran = java.util.concurrent.ConcurrentHashMap.newKeySet();
        int id = 0;
        while (!refused && System.nanoTime() < deadline) {
            int mine = ++id;
            refused = !wq.add(() -> ran.add(mine));
            if (!refused) {
                Thread.onSpinWait();
            }
        }
        assertTrue("add returns false once the connection has finished", refused);
        int refusedId = id;
        try {
            wq.execute(refusedRan::incrementAndGet);
            fail("execute on a finished connection must throw");
        } catch (RejectedExecutionException expected) {
            assertTrue(expected.getMessage(), expected.getMessage().contains("finished"));
        }
        wq.schedule(Duration.ofMillis(1), refusedRan::incrementAndGet); // must not throw, nor run, nor crash the container
        container.stop();
        Mt.await(run);
        assertFalse("the refused add's work never runs", ran.contains(refusedId));
        assertEquals("refused work never runs: not execute's, not the schedule's", 0, refusedRan.get());
    }
}
