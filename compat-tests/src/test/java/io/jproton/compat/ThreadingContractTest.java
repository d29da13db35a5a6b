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
import java.util.List;
import org.junit.Test;

/**
 * The threading promises that hold for run() on the calling thread: no thread is created, every
 * callback runs on that thread, and touching a connection from another thread fails clearly.
 */
public class ThreadingContractTest {

    /**
     * Runs {@code body} on a new thread named {@code name} under a JFR recording of thread starts,
     * and returns the names of the threads that thread (or any thread it started) started. The JVM's
     * own threads (attach listener, process reaper, the test runner's) have other parents, so no
     * list of their names is needed.
     */
    private static List<String> threadsStartedBy(String name, Runnable body) throws Exception {
        java.nio.file.Path file = java.nio.file.Files.createTempFile("thread-starts", ".jfr");
        try (jdk.jfr.Recording recording = new jdk.jfr.Recording()) {
            recording.enable("jdk.ThreadStart");
            recording.start();
            Thread t = new Thread(body, name);
            t.start();
            t.join(TimeUnit.SECONDS.toMillis(Run.TIMEOUT_SECONDS));
            assertTrue("the body returned", !t.isAlive());
            recording.stop();
            recording.dump(file);
            Set<String> parents = new HashSet<>(Set.of(name));
            List<String> started = new java.util.ArrayList<>();
            boolean sawOurs = false;
            for (jdk.jfr.consumer.RecordedEvent e : jdk.jfr.consumer.RecordingFile.readAllEvents(file)) {
                if (!e.getEventType().getName().equals("jdk.ThreadStart")) {
                    continue; // jproton's own events are on in every recording too
                }
                jdk.jfr.consumer.RecordedThread child = e.getThread("thread");
                jdk.jfr.consumer.RecordedThread parent = e.getThread("parentThread");
                if (child != null && name.equals(child.getJavaName())) {
                    sawOurs = true; // the recording does see thread starts
                }
                if (child != null && parent != null && parents.contains(parent.getJavaName())) {
                    started.add(child.getJavaName());
                    parents.add(child.getJavaName());
                }
            }
            assertTrue("the recording saw the start of " + name, sawOurs);
            return started;
        } finally {
            java.nio.file.Files.deleteIfExists(file);
        }
    }

    @Test
    public void runCreatesNoThreadAndCallsEveryCallbackOnTheRunThread() throws Exception {
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
                t.connection().close();
            }
        };
        Recorder server = new Recorder();
        Recorder root = new Recorder() {
            @Override
            public void onContainerStart(Container c) {
                super.onContainerStart(c);
                c.connect(Peer.url(Peer.listenOnce(c, server)), new io.jproton.ConnectionOptions().handler(client))
                        .openSender("q");
            }
        };
        Thread[] runThread = new Thread[1];
        List<String> created = threadsStartedBy("the-run-thread", () -> {
            runThread[0] = Thread.currentThread();
            new Container(root).run(); // made and run on this thread: anything it starts, this thread starts
        });
        assertEquals("threads created by the container and run()", List.of(), created);
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
