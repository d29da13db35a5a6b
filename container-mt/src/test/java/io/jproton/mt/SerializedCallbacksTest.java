package io.jproton.mt;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import io.jproton.Connection;
import io.jproton.ConnectionOptions;
import io.jproton.Container;
import io.jproton.Delivery;
import io.jproton.ListenHandler;
import io.jproton.Listener;
import io.jproton.Message;
import io.jproton.MessagingHandler;
import io.jproton.Sender;
import io.jproton.Session;
import io.jproton.Tracker;
import io.jproton.Transport;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.Test;

/**
 * Callbacks of one connection never overlap and each sees what the previous one wrote; callbacks
 * of different connections do run in parallel.
 */
public class SerializedCallbacksTest {
    private static final int CONNECTIONS = 100;
    private static final int MESSAGES = 100;
    private static final int ROUNDS = 3;

    /** Counts callbacks of one connection; complains if two of them overlap. */
    static final class Detector {
        private final AtomicInteger inside = new AtomicInteger();
        /** Written only inside callbacks, never under a lock: a lost update shows a missing happens-before. */
        int plainCount;
        final AtomicInteger count = new AtomicInteger();
    }

    static final class Shared {
        final AtomicInteger overlapsWithinAConnection = new AtomicInteger();
        final AtomicInteger received = new AtomicInteger();
        final Set<Detector> detectors = ConcurrentHashMap.newKeySet();
    }

    /** Wraps every callback it sees in the detector's checks. */
    static class Checked implements MessagingHandler {
        final Shared shared;
        final boolean server;
        final Detector d = new Detector();

        Checked(Shared shared, boolean server) {
            this.shared = shared;
            this.server = server;
            shared.detectors.add(d);
        }

        final void enter() {
            if (d.inside.getAndIncrement() != 0) {
                shared.overlapsWithinAConnection.incrementAndGet();
            }
            d.plainCount++;
            d.count.incrementAndGet();
            // stay a little, so that callbacks of different connections get the chance to meet
            long until = System.nanoTime() + 20_000;
            while (System.nanoTime() < until) {
                Thread.onSpinWait();
            }
        }

        final void leave() {
            d.inside.decrementAndGet();
        }

        @Override
        public void onConnectionOpen(Connection c) {
            enter();
            try {
                if (server) {
                    c.open();
                } else {
                    c.openSender("q");
                }
            } finally {
                leave();
            }
        }

        @Override
        public void onSessionOpen(Session s) {
            enter();
            leave();
        }

        @Override
        public void onSenderOpen(Sender s) {
            enter();
            leave();
        }

        @Override
        public void onReceiverOpen(io.jproton.Receiver r) {
            enter();
            try {
                r.open();
            } finally {
                leave();
            }
        }

        private int sent;

        @Override
        public void onSendable(Sender s) {
            enter();
            try {
                while (s.credit() > 0 && sent < MESSAGES) {
                    s.send(new Message("m" + sent++));
                }
            } finally {
                leave();
            }
        }

        private int accepted;

        @Override
        public void onTrackerAccept(Tracker t) {
            enter();
            try {
                if (++accepted == MESSAGES) {
                    t.connection().close();
                }
            } finally {
                leave();
            }
        }

        @Override
        public void onMessage(Delivery d, Message m) {
            enter();
            try {
                shared.received.incrementAndGet();
            } finally {
                leave();
            }
        }

        @Override
        public void onConnectionClose(Connection c) {
            enter();
            leave();
        }

        @Override
        public void onTransportClose(Transport t) {
            enter();
            leave();
        }
    }

    @Test
    public void oneConnectionsCallbacksNeverOverlapWhileDifferentConnectionsRunInParallel() throws Exception {
        for (int round = 0; round < ROUNDS; round++) {
            Shared shared = new Shared();
            Container c = new Container(new MessagingHandler() {
                @Override
                public void onContainerStart(Container container) {
                    Listener[] l = new Listener[1];
                    l[0] = container.listen("127.0.0.1:0", new ListenHandler() {
                        int accepted;

                        @Override
                        public ConnectionOptions onAccept(Listener listener) {
                            if (++accepted == CONNECTIONS) {
                                listener.stop();
                            }
                            return new ConnectionOptions().handler(new Checked(shared, true));
                        }
                    });
                    for (int i = 0; i < CONNECTIONS; i++) {
                        container.connect(Mt.url(l[0]), new ConnectionOptions().handler(new Checked(shared, false)));
                    }
                }
            });
            assertEquals("mt", c.provider());
            Mt.run(c, 4);
            assertEquals("callbacks of one connection overlapped", 0, shared.overlapsWithinAConnection.get());
            assertEquals(CONNECTIONS * MESSAGES, shared.received.get());
            for (Detector d : shared.detectors) {
                assertEquals("a callback missed an earlier callback's write", d.count.get(), d.plainCount);
            }
            // that different connections do run in parallel is shown without luck by the test below
        }
    }

    /**
     * Each client's first callback waits (up to 30 s) until a callback on another thread is inside
     * at the same time. Were the callbacks of different connections serialized, no two could be
     * inside at once and every wait would time out; on a loaded machine the wait is just longer.
     */
    @Test
    public void callbacksOfDifferentConnectionsRunAtTheSameTime() throws Exception {
        Object monitor = new Object();
        Set<Thread> inside = new java.util.HashSet<>();
        boolean[] met = {false};
        AtomicInteger timedOut = new AtomicInteger();
        MessagingHandler client = new MessagingHandler() {
            @Override
            public void onConnectionOpen(Connection c) {
                long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(30);
                synchronized (monitor) {
                    inside.add(Thread.currentThread());
                    monitor.notifyAll();
                    try {
                        while (!met[0] && inside.size() < 2) {
                            long left = deadline - System.nanoTime();
                            if (left <= 0) {
                                timedOut.incrementAndGet();
                                break;
                            }
                            java.util.concurrent.TimeUnit.NANOSECONDS.timedWait(monitor, left);
                        }
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    met[0] |= inside.size() >= 2;
                    monitor.notifyAll();
                    inside.remove(Thread.currentThread());
                }
                c.close();
            }
        };
        Container c = new Container(new MessagingHandler() {
            @Override
            public void onContainerStart(Container container) {
                Listener l = container.listen("127.0.0.1:0", new ListenHandler() {
                    int accepted;

                    @Override
                    public ConnectionOptions onAccept(Listener listener) {
                        if (++accepted == 8) {
                            listener.stop();
                        }
                        return new ConnectionOptions().handler(new MessagingHandler() { });
                    }
                });
                for (int i = 0; i < 8; i++) {
                    container.connect(Mt.url(l), new ConnectionOptions().handler(client));
                }
            }
        });
        Mt.run(c, 4);
        assertTrue("no two callbacks of different connections were ever inside at the same time", met[0]);
        assertEquals(0, timedOut.get());
    }
}
