package io.jproton.mt;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import io.jproton.Connection;
import io.jproton.ConnectionOptions;
import io.jproton.Container;
import io.jproton.ListenHandler;
import io.jproton.Listener;
import io.jproton.Message;
import io.jproton.MessagingHandler;
import io.jproton.Sender;
import io.jproton.Transport;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.Test;

/** run() from several threads, stop() from anywhere, container calls from anywhere: no deadlock, nothing lost. */
public class ContainerThreadsTest {

    /** A container whose start connects {@code n} clients with the given handler to a sink of its own; counts onContainerStop. */
    private static Container clientsToASink(int n, MessagingHandler client, AtomicInteger stops) {
        return new Container(new MessagingHandler() {
            @Override
            public void onContainerStart(Container container) {
                Listener l = sink(container);
                for (int i = 0; i < n; i++) {
                    container.connect(Mt.url(l), new ConnectionOptions().handler(client));
                }
            }

            @Override
            public void onContainerStop(Container container) {
                stops.incrementAndGet();
            }
        });
    }

    /** A server that accepts everything and echoes nothing; it just takes messages. */
    private static Listener sink(Container c) {
        return c.listen("127.0.0.1:0", new ListenHandler() { });
    }

    @Test
    public void runFromThreeApplicationThreadsStartsOnceStopsOnceAndEveryRunReturns() throws Exception {
        AtomicInteger starts = new AtomicInteger();
        AtomicInteger stops = new AtomicInteger();
        Set<Thread> served = ConcurrentHashMap.newKeySet();
        CountDownLatch allIn = new CountDownLatch(1);
        Container c = new Container(new MessagingHandler() {
            @Override
            public void onContainerStart(Container container) {
                starts.incrementAndGet();
            }

            @Override
            public void onContainerStop(Container container) {
                stops.incrementAndGet();
            }
        });
        c.autoStop(false);
        List<CompletableFuture<Void>> runs = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            runs.add(Mt.start(c, 1));
        }
        // each run() thread serves a loop: work spread over the container reaches every one of them
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(Mt.TIMEOUT_SECONDS);
        while (served.size() < 3 && System.nanoTime() < deadline) {
            CountDownLatch round = new CountDownLatch(12);
            for (int i = 0; i < 12; i++) {
                c.newWorkQueue().add(() -> {
                    served.add(Thread.currentThread());
                    round.countDown();
                });
            }
            assertTrue(round.await(Mt.TIMEOUT_SECONDS, TimeUnit.SECONDS));
        }
        assertEquals("threads serving the container", 3, served.size());
        c.stop();
        for (CompletableFuture<Void> r : runs) {
            Mt.await(r);
        }
        assertEquals(1, starts.get());
        assertEquals(1, stops.get());
    }

    @Test
    public void stopFromAnApplicationThreadWhileConnectionsAreBusy() throws Exception {
        for (int round = 0; round < 5; round++) {
            AtomicInteger sent = new AtomicInteger();
            AtomicInteger transportCloses = new AtomicInteger();
            CountDownLatch busy = new CountDownLatch(1);
            MessagingHandler client = new MessagingHandler() {
                @Override
                public void onConnectionOpen(Connection conn) {
                    conn.openSender("q");
                }

                @Override
                public void onSendable(Sender s) {
                    while (s.credit() > 0) {
                        s.send(new Message("busy"));
                        if (sent.incrementAndGet() == 20_000) {
                            busy.countDown();
                        }
                    }
                }

                @Override
                public void onTransportClose(Transport t) {
                    transportCloses.incrementAndGet();
                }

                @Override
                public void onError(io.jproton.ErrorCondition e) {
                    // the stop closes connections with an error condition
                }
            };
            AtomicInteger stops = new AtomicInteger();
            Container c = clientsToASink(8, client, stops);
            CompletableFuture<Void> run = Mt.start(c, 4);
            assertTrue("connections got busy", busy.await(Mt.TIMEOUT_SECONDS, TimeUnit.SECONDS));
            c.stop();
            Mt.await(run);
            assertEquals(1, stops.get());
            assertEquals("every client connection's transport closed", 8, transportCloses.get());
            try {
                c.connect("127.0.0.1:1");
                throw new AssertionError("connect after stop must throw");
            } catch (IllegalStateException expected) {
                assertTrue(expected.getMessage(), expected.getMessage().contains("container is stopping"));
            }
        }
    }

    @Test
    public void connectFromScheduledWorkAndFromAnotherConnectionsCallback() throws Exception {
        // Proton C++ PROTON-1548 and PROTON-1591: these deadlocked there
        for (int round = 0; round < 20; round++) {
            AtomicInteger opened = new AtomicInteger();
            AtomicReference<Listener> listener = new AtomicReference<>();
            MessagingHandler second = new MessagingHandler() {
                @Override
                public void onConnectionOpen(Connection conn) {
                    opened.incrementAndGet();
                    conn.close();
                }
            };
            MessagingHandler first = new MessagingHandler() {
                @Override
                public void onConnectionOpen(Connection conn) {
                    opened.incrementAndGet();
                    // from this connection's callback: a new connection, and a container timer that makes another
                    conn.container().connect(Mt.url(listener.get()), new ConnectionOptions().handler(second));
                    conn.container().newWorkQueue().schedule(Duration.ofMillis(1), () ->
                            conn.container().connect(Mt.url(listener.get()), new ConnectionOptions().handler(second)));
                    conn.close();
                }
            };
            Container c = new Container(new MessagingHandler() {
                @Override
                public void onContainerStart(Container container) {
                    listener.set(sink(container));
                    container.schedule(Duration.ZERO, () ->
                            container.connect(Mt.url(listener.get()), new ConnectionOptions().handler(first)));
                }
            });
            CompletableFuture<Void> run = Mt.start(c, 3);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(Mt.TIMEOUT_SECONDS);
            while (opened.get() < 3 && System.nanoTime() < deadline) {
                Thread.onSpinWait();
            }
            assertEquals("connections opened", 3, opened.get());
            c.stop();
            Mt.await(run);
        }
    }

    @Test
    public void twoConnectionsClosingWhileTheContainerStops() throws Exception {
        // Proton C++ PROTON-2027
        for (int round = 0; round < 50; round++) {
            CountDownLatch bothOpen = new CountDownLatch(2);
            List<Connection> conns = new java.util.concurrent.CopyOnWriteArrayList<>();
            MessagingHandler client = new MessagingHandler() {
                @Override
                public void onConnectionOpen(Connection conn) {
                    conns.add(conn);
                    bothOpen.countDown();
                }
            };
            Container c = new Container(new MessagingHandler() {
                @Override
                public void onContainerStart(Container container) {
                    Listener l = sink(container);
                    container.connect(Mt.url(l), new ConnectionOptions().handler(client));
                    container.connect(Mt.url(l), new ConnectionOptions().handler(client));
                }
            });
            CompletableFuture<Void> run = Mt.start(c, 2);
            assertTrue(bothOpen.await(Mt.TIMEOUT_SECONDS, TimeUnit.SECONDS));
            // both connections close, from their own contexts, while another thread stops the container
            CompletableFuture<Void> closing = CompletableFuture.runAsync(() -> {
                for (Connection conn : conns) {
                    conn.workQueue().add(conn::close);
                }
            });
            c.stop();
            closing.get(Mt.TIMEOUT_SECONDS, TimeUnit.SECONDS);
            Mt.await(run);
        }
    }

    @Test
    public void touchingAnotherConnectionFromACallbackFailsNamingTheWorkQueue() throws Exception {
        AtomicReference<Connection> firstConn = new AtomicReference<>();
        CompletableFuture<Throwable> failure = new CompletableFuture<>();
        CountDownLatch firstOpen = new CountDownLatch(1);
        AtomicReference<Listener> listener = new AtomicReference<>();
        MessagingHandler second = new MessagingHandler() {
            @Override
            public void onConnectionOpen(Connection conn) {
                try {
                    firstConn.get().openSession();
                    failure.complete(null);
                } catch (Throwable e) {
                    failure.complete(e);
                }
                // the remedy works: the first connection's work queue
                firstConn.get().workQueue().add(() -> firstConn.get().close());
                conn.close();
            }
        };
        MessagingHandler first = new MessagingHandler() {
            @Override
            public void onConnectionOpen(Connection conn) {
                firstConn.set(conn);
                conn.container().connect(Mt.url(listener.get()), new ConnectionOptions().handler(second));
            }
        };
        Container c = new Container(new MessagingHandler() {
            @Override
            public void onContainerStart(Container container) {
                listener.set(container.listen("127.0.0.1:0", new ListenHandler() {
                    int accepted;

                    @Override
                    public ConnectionOptions onAccept(Listener l) {
                        if (++accepted == 2) {
                            l.stop();
                        }
                        return null;
                    }
                }));
                container.connect(Mt.url(listener.get()), new ConnectionOptions().handler(first));
            }
        });
        Mt.run(c, 2);
        Throwable e = failure.get(Mt.TIMEOUT_SECONDS, TimeUnit.SECONDS);
        assertNotNull("touching another connection must throw", e);
        assertEquals(IllegalStateException.class, e.getClass());
        assertTrue(e.getMessage(), e.getMessage().contains("openSession") && e.getMessage().contains("work queue"));
    }

    @Test
    public void runFromACallbackIsRefusedInsteadOfBlockingTheLoop() throws Exception {
        CompletableFuture<Throwable> refused = new CompletableFuture<>();
        Container c = new Container(new MessagingHandler() {
            @Override
            public void onContainerStart(Container container) {
                container.schedule(Duration.ZERO, () -> {
                    try {
                        container.run(2);
                        refused.complete(null);
                    } catch (Throwable e) {
                        refused.complete(e);
                    }
                });
            }
        });
        Mt.run(c, 2);
        Throwable e = refused.get(Mt.TIMEOUT_SECONDS, TimeUnit.SECONDS);
        assertNotNull("run() from a container thread must be refused", e);
        assertEquals(IllegalStateException.class, e.getClass());
    }

    /** A callback's failure. */
    static final class Boom extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Boom() {
            super("boom from a callback");
        }
    }

    @Test
    public void aCallbackThatThrowsOnAWorkerEndsEveryRunWithThatException() throws Exception {
        for (int round = 0; round < 5; round++) {
            AtomicInteger stops = new AtomicInteger();
            AtomicInteger messages = new AtomicInteger();
            MessagingHandler client = new MessagingHandler() {
                @Override
                public void onConnectionOpen(Connection conn) {
                    conn.openSender("q");
                }

                @Override
                public void onSendable(Sender s) {
                    while (s.credit() > 0) {
                        s.send(new Message("x"));
                        if (messages.incrementAndGet() == 5_000) {
                            throw new Boom(); // on whichever thread serves this connection
                        }
                    }
                }
            };
            Container c = clientsToASink(12, client, stops);
            CompletableFuture<Void> first = Mt.start(c, 4);
            CompletableFuture<Void> joined = Mt.start(c, 1);
            for (CompletableFuture<Void> run : List.of(first, joined)) {
                try {
                    Mt.await(run);
                    throw new AssertionError("run() must throw the callback's exception");
                } catch (Boom expected) {
                    // every run() call ends with it
                }
            }
            assertEquals("no onContainerStop after a failure", 0, stops.get());
        }
    }
}
