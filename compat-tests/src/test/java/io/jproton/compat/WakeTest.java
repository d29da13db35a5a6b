package io.jproton.compat;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import io.jproton.Connection;
import io.jproton.Container;
import io.jproton.MessagingHandler;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.Test;

/** Connection.wake(): from any thread, coalesced, never lost, and called back in the connection's context. */
public class WakeTest {
    private static final int ROUNDS = 300;

    /** A server that does nothing; the client under test is woken. */
    private static final MessagingHandler QUIET = new MessagingHandler() { };

    @Test
    public void everyWakeFromAnotherThreadIsFollowedByACallback() throws Exception {
        Object monitor = new Object();
        int[] target = {0};
        int[] seen = {0};
        List<Thread> callbackThreads = Collections.synchronizedList(new ArrayList<>());
        AtomicReference<Throwable> wakerFailure = new AtomicReference<>();
        AtomicReference<Thread> runThread = new AtomicReference<>();
        MessagingHandler client = new MessagingHandler() {
            @Override
            public void onConnectionOpen(Connection c) {
                runThread.set(Thread.currentThread());
                Thread waker = new Thread(() -> {
                    try {
                        for (int i = 1; i <= ROUNDS; i++) {
                            synchronized (monitor) {
                                target[0] = i;
                            }
                            c.wake();
                            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
                            synchronized (monitor) {
                                while (seen[0] < i) {
                                    long left = deadline - System.nanoTime();
                                    if (left <= 0) {
                                        throw new AssertionError("wake " + i + " was lost");
                                    }
                                    TimeUnit.NANOSECONDS.timedWait(monitor, left);
                                }
                            }
                        }
                    } catch (Throwable t) {
                        wakerFailure.set(t);
                    }
                    c.wake();
                }, "waker");
                waker.start();
            }

            @Override
            public void onConnectionWake(Connection c) {
                callbackThreads.add(Thread.currentThread());
                synchronized (monitor) {
                    seen[0] = target[0];
                    monitor.notifyAll();
                    if (seen[0] == ROUNDS || wakerFailure.get() != null) {
                        c.close();
                    }
                }
            }
        };
        Peer.pair(client, QUIET, c -> { });
        if (wakerFailure.get() != null) {
            throw new AssertionError(wakerFailure.get());
        }
        assertEquals(ROUNDS, seen[0]);
        assertTrue(callbackThreads.size() >= ROUNDS);
        for (Thread t : callbackThreads) {
            assertEquals("onConnectionWake runs on the connection's thread", runThread.get(), t);
        }
    }

    @Test
    public void wakesDuringACallbackAreCoalescedIntoOne() throws Exception {
        int[] wakes = {0};
        MessagingHandler client = new MessagingHandler() {
            @Override
            public void onConnectionOpen(Connection c) {
                for (int i = 0; i < 100; i++) {
                    c.wake();
                }
                c.container().schedule(java.time.Duration.ofMillis(50), () -> { });
            }

            @Override
            public void onConnectionWake(Connection c) {
                wakes[0]++;
                c.close();
            }
        };
        Peer.pair(client, QUIET, c -> { });
        assertEquals(1, wakes[0]);
    }

    @Test
    public void wakesFromAnotherThreadWhileTheConnectionIsBusyAreCoalesced() throws Exception {
        CountDownLatch wakerDone = new CountDownLatch(1);
        int[] wakes = {0};
        MessagingHandler client = new MessagingHandler() {
            @Override
            public void onConnectionOpen(Connection c) {
                c.wake();
            }

            @Override
            public void onConnectionWake(Connection c) {
                wakes[0]++;
                if (wakes[0] == 1) {
                    Thread t = new Thread(() -> {
                        for (int i = 0; i < 1000; i++) {
                            c.wake();
                        }
                        wakerDone.countDown();
                    }, "waker");
                    t.start();
                    try {
                        assertTrue(wakerDone.await(10, TimeUnit.SECONDS));
                    } catch (InterruptedException e) {
                        throw new AssertionError(e);
                    }
                    c.container().schedule(java.time.Duration.ofMillis(50), c::close);
                }
            }
        };
        Peer.pair(client, QUIET, c -> { });
        assertEquals("one callback for the first wake, one for the 1000 made during it", 2, wakes[0]);
    }

    @Test
    public void wakeAfterTheConnectionFinishedHasNoEffect() throws Exception {
        // Connection a finishes while the container runs on (b keeps it alive); a is then woken,
        // and b after it. b's wake callback closes b; a must never get one.
        Connection[] ab = new Connection[2];
        List<String> wakes = Collections.synchronizedList(new ArrayList<>());
        int[] accepted = {0};
        MessagingHandler a = new MessagingHandler() {
            @Override
            public void onConnectionOpen(Connection c) {
                c.close();
            }

            @Override
            public void onTransportClose(io.jproton.Transport t) {
                t.connection().container().schedule(java.time.Duration.ZERO, () -> {
                    ab[0].wake();
                    ab[1].wake();
                });
            }

            @Override
            public void onConnectionWake(Connection c) {
                wakes.add("a");
            }
        };
        MessagingHandler b = new MessagingHandler() {
            @Override
            public void onConnectionWake(Connection c) {
                wakes.add("b");
                c.close();
            }
        };
        Run.bounded(new Container(new MessagingHandler() {
            @Override
            public void onContainerStart(Container c) {
                io.jproton.Listener l = c.listen("127.0.0.1:0", new io.jproton.ListenHandler() {
                    @Override
                    public io.jproton.ConnectionOptions onAccept(io.jproton.Listener listener) {
                        if (++accepted[0] == 2) {
                            listener.stop();
                        }
                        return new io.jproton.ConnectionOptions().handler(QUIET);
                    }
                });
                ab[1] = c.connect(Peer.url(l), new io.jproton.ConnectionOptions().handler(b));
                ab[0] = c.connect(Peer.url(l), new io.jproton.ConnectionOptions().handler(a));
            }
        }));
        assertEquals("only the live connection is called back", List.of("b"), wakes);
    }
}
