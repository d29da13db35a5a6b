package io.jproton.compat;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;

import io.jproton.ConnectionOptions;
import io.jproton.Container;
import io.jproton.Delivery;
import io.jproton.Message;
import io.jproton.MessagingHandler;
import io.jproton.Sender;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.ReentrantLock;
import org.junit.Test;

/**
 * The external-lock pattern: a thread that holds the container's external lock may call any
 * method, then wakes the connection so that the loop flushes what it did.
 */
public class ExternalLockTest {
    private static final int COUNT = 200;

    @Test
    public void aForeignThreadSendsUnderTheLockAndEveryMessageArrives() throws Exception {
        ReentrantLock lock = new ReentrantLock();
        List<Object> received = new ArrayList<>();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        MessagingHandler server = new MessagingHandler() {
            @Override
            public void onMessage(Delivery d, Message m) {
                received.add(m.body());
                if (received.size() == COUNT) {
                    d.connection().close();
                }
            }
        };
        MessagingHandler client = new MessagingHandler() {
            boolean started;

            @Override
            public void onSendable(Sender s) {
                if (started) {
                    return;
                }
                started = true;
                Thread app = new Thread(() -> {
                    try {
                        for (int i = 0; i < COUNT; i++) {
                            lock.lock();
                            try {
                                s.send(new Message(i));
                                s.connection().wake();
                            } finally {
                                lock.unlock();
                            }
                        }
                    } catch (Throwable t) {
                        failure.set(t);
                        s.connection().wake();
                    }
                }, "application");
                app.start();
            }

            @Override
            public void onConnectionWake(io.jproton.Connection c) {
                if (failure.get() != null) {
                    c.close();
                }
            }
        };
        Container c = new Container(new MessagingHandler() {
            @Override
            public void onContainerStart(Container c) {
                c.connect(Peer.url(Peer.listenOnce(c, server)), new ConnectionOptions().handler(client)).openSender("q");
            }
        });
        c.externalLock(lock);
        Run.bounded(c);
        assertNull("the application thread failed: " + failure.get(), failure.get());
        assertEquals(COUNT, received.size());
        for (int i = 0; i < COUNT; i++) {
            assertEquals(i, received.get(i));
        }
    }

    @Test
    public void aLockThatCannotTellWhoHoldsItIsRefused() {
        java.util.concurrent.locks.Lock blind = new java.util.concurrent.locks.StampedLock().asWriteLock();
        try {
            new Container().externalLock(blind);
            org.junit.Assert.fail("a lock whose owner cannot be checked would switch confinement off");
        } catch (IllegalArgumentException e) {
            org.junit.Assert.assertTrue(e.getMessage(), e.getMessage().contains("ReentrantLock"));
        }
        new Container().externalLock(new java.util.concurrent.locks.ReentrantReadWriteLock().writeLock()); // can tell: accepted
    }

    @Test
    public void withTheLockSetAThreadThatDoesNotHoldItIsStillRefused() throws Exception {
        ReentrantLock lock = new ReentrantLock();
        AtomicReference<Throwable> outcome = new AtomicReference<>();
        java.util.concurrent.CountDownLatch done = new java.util.concurrent.CountDownLatch(1);
        MessagingHandler client = new MessagingHandler() {
            @Override
            public void onConnectionOpen(io.jproton.Connection conn) {
                Thread app = new Thread(() -> {
                    try {
                        conn.openSession(); // without taking the lock
                        outcome.set(new AssertionError("an unlocked call from another thread was let through"));
                    } catch (Throwable t) {
                        outcome.set(t);
                    }
                    done.countDown();
                    conn.wake();
                }, "application");
                app.start();
            }

            @Override
            public void onConnectionWake(io.jproton.Connection conn) {
                if (done.getCount() == 0) {
                    conn.close();
                }
            }
        };
        Container c = new Container(new MessagingHandler() {
            @Override
            public void onContainerStart(Container c) {
                c.connect(Peer.url(Peer.listenOnce(c, new MessagingHandler() { })), new ConnectionOptions().handler(client));
            }
        });
        c.externalLock(lock);
        Run.bounded(c);
        org.junit.Assert.assertTrue(done.await(Run.TIMEOUT_SECONDS, java.util.concurrent.TimeUnit.SECONDS));
        assertEquals(String.valueOf(outcome.get()), IllegalStateException.class, outcome.get().getClass());
    }
}
