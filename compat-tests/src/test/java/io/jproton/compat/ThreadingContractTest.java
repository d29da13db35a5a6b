package io.jproton.compat;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import io.jproton.Connection;
import io.jproton.Container;
import io.jproton.Delivery;
import io.jproton.Message;
import io.jproton.MessagingHandler;
import io.jproton.Sender;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.Test;

/**
 * The threading promises that hold for run() on the calling thread: no thread is created, every
 * callback runs on that thread, and touching a connection from another thread fails clearly.
 */
public class ThreadingContractTest {

    private static Set<Thread> liveThreads() {
        return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive).collect(Collectors.toSet());
    }

    /** Threads the JVM itself may start at any time; none of them runs jproton code. */
    private static boolean jvmThread(Thread t) {
        String n = t.getName();
        return n.equals("Attach Listener") || n.equals("process reaper") || n.startsWith("surefire")
                || n.equals("Common-Cleaner") || n.startsWith("Notification Thread");
    }

    @Test
    public void runCreatesNoThreadAndCallsEveryCallbackOnTheRunThread() throws Exception {
        Set<Thread> before = new HashSet<>();
        Set<Thread> during = new HashSet<>();
        Recorder client = new Recorder() {
            boolean sent;

            @Override
            public void onSendable(Sender s) {
                super.onSendable(s);
                if (s.credit() > 0 && !sent) {
                    s.send(new Message("x"));
                    sent = true;
                }
            }

            @Override
            public void onTrackerAccept(io.jproton.Tracker t) {
                super.onTrackerAccept(t);
                during.addAll(liveThreads());
                t.connection().close();
            }
        };
        Recorder server = new Recorder() {
            @Override
            public void onMessage(Delivery d, Message m) {
                super.onMessage(d, m);
                during.addAll(liveThreads());
            }
        };
        Recorder root = new Recorder() {
            @Override
            public void onContainerStart(Container c) {
                super.onContainerStart(c);
                c.connect(Peer.url(Peer.listenOnce(c, server)), new io.jproton.ConnectionOptions().handler(client))
                        .openSender("q");
            }
        };
        Container c = new Container(root);
        Thread[] runThread = new Thread[1];
        Thread t = new Thread(() -> {
            runThread[0] = Thread.currentThread();
            before.addAll(liveThreads());
            c.run();
        }, "the-run-thread");
        t.start();
        t.join(TimeUnit.SECONDS.toMillis(Run.TIMEOUT_SECONDS));
        assertTrue("run() returned", !t.isAlive());
        Set<Thread> after = liveThreads();
        Set<Thread> created = new HashSet<>(during);
        created.addAll(after);
        created.removeAll(before);
        created.removeIf(ThreadingContractTest::jvmThread);
        created.remove(t);
        assertEquals("threads created by run(): " + created, Set.of(), created);
        assertTrue(client.events().contains("tracker_accept"));
        assertTrue(server.events().contains("message"));
        for (Recorder r : new Recorder[] {root, client, server}) {
            for (Thread cb : r.threads) {
                assertEquals("callback thread", runThread[0], cb);
            }
        }
    }

    @Test
    public void touchingAConnectionFromAnotherThreadFailsNamingTheRemedy() throws Exception {
        CompletableFuture<Throwable> offThread = new CompletableFuture<>();
        MessagingHandler client = new MessagingHandler() {
            @Override
            public void onConnectionOpen(Connection c) {
                Thread t = new Thread(() -> {
                    try {
                        c.openSession();
                        offThread.complete(null);
                    } catch (Throwable e) {
                        offThread.complete(e);
                    }
                    c.wake();
                }, "intruder");
                t.start();
            }

            @Override
            public void onConnectionWake(Connection c) {
                if (offThread.isDone()) {
                    c.close();
                }
            }
        };
        Peer.pair(client, new MessagingHandler() { }, c -> { });
        Throwable e = offThread.get(Run.TIMEOUT_SECONDS, TimeUnit.SECONDS);
        assertNotNull("an off-thread call must throw", e);
        assertEquals(IllegalStateException.class, e.getClass());
        String msg = e.getMessage();
        assertTrue(msg, msg.contains("openSession"));
        assertTrue("names a remedy: " + msg, msg.contains("wake") || msg.contains("work queue") || msg.contains("WorkQueue"));
    }

    @Test
    public void workQueueWorkRunsInTheConnectionsContextAfterTheCallback() throws Exception {
        StringBuilder order = new StringBuilder();
        Thread[] threads = new Thread[2];
        MessagingHandler client = new MessagingHandler() {
            @Override
            public void onConnectionOpen(Connection c) {
                threads[0] = Thread.currentThread();
                assertTrue(c.workQueue().add(() -> {
                    order.append("work;");
                    threads[1] = Thread.currentThread();
                    c.close();
                }));
                order.append("callback;");
            }
        };
        Peer.pair(client, new MessagingHandler() { }, c -> { });
        assertEquals("work is enqueued, never run inline", "callback;work;", order.toString());
        assertEquals(threads[0], threads[1]);
    }

    @Test
    public void workQueueRefusesWorkOnceTheConnectionHasFinished() throws Exception {
        Connection[] conn = new Connection[1];
        MessagingHandler client = new MessagingHandler() {
            @Override
            public void onConnectionOpen(Connection c) {
                conn[0] = c;
                c.close();
            }
        };
        Peer.pair(client, new MessagingHandler() { }, c -> { });
        boolean[] ran = {false};
        try {
            assertEquals(false, conn[0].workQueue().add(() -> ran[0] = true));
        } catch (IllegalStateException e) {
            fail("after run() returned the caller may use the objects: " + e);
        }
        assertEquals(false, ran[0]);
    }
}
