package io.jproton.mt.pool;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotSame;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import io.jproton.Connection;
import io.jproton.ConnectionOptions;
import io.jproton.ErrorCondition;
import io.jproton.Message;
import io.jproton.MessagingHandler;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import org.junit.Test;

/** The sender pool against the test peer: many threads, bounds, validation, eviction, closing. */
public class SenderPoolTest {
    private static final int THREADS = 16;
    private static final int PER_THREAD = 10_000;

    @Test
    public void sixteenThreadsSendTenThousandEachThroughFourConnectionsAndEveryMessageIsAcceptedOnce() throws Exception {
        int total = THREADS * PER_THREAD;
        AtomicIntegerArray completions = new AtomicIntegerArray(total);
        AtomicInteger accepted = new AtomicInteger();
        AtomicInteger other = new AtomicInteger();
        CountDownLatch allDone = new CountDownLatch(total);
        try (Peer peer = new Peer(); Client client = new Client();
                SenderPool pool = new SenderPool(client.container, new SenderPoolOptions().maxPerKey(4).maxInFlight(500))) {
            SenderKey key = SenderKey.of(peer.url(), "q");
            CountDownLatch go = new CountDownLatch(1);
            List<Thread> threads = new ArrayList<>();
            List<Throwable> errors = java.util.Collections.synchronizedList(new ArrayList<>());
            for (int t = 0; t < THREADS; t++) {
                int base = t * PER_THREAD;
                Thread th = new Thread(() -> {
                    try {
                        go.await();
                        for (int i = 0; i < PER_THREAD; i++) {
                            int id = base + i;
                            pool.send(key, new Message(id), Client.WAIT).whenComplete((o, e) -> {
                                completions.incrementAndGet(id);
                                if (e == null && o.isAccepted()) {
                                    accepted.incrementAndGet();
                                } else {
                                    other.incrementAndGet();
                                }
                                allDone.countDown();
                            });
                        }
                    } catch (Throwable e) {
                        errors.add(e);
                    }
                }, "app-" + t);
                threads.add(th);
                th.start();
            }
            go.countDown();
            for (Thread th : threads) {
                th.join(TimeUnit.SECONDS.toMillis(Peer.TIMEOUT_SECONDS));
                assertFalse("sending thread finished", th.isAlive());
            }
            assertEquals(List.of(), errors);
            assertTrue("every future completed: " + allDone.getCount() + " left",
                    allDone.await(Peer.TIMEOUT_SECONDS, TimeUnit.SECONDS));
            assertEquals("accepted", total, accepted.get());
            assertEquals("not accepted", 0, other.get());
            int twice = 0;
            int never = 0;
            int receivedTwice = 0;
            for (int id = 0; id < total; id++) {
                twice += completions.get(id) > 1 ? 1 : 0;
                never += completions.get(id) == 0 ? 1 : 0;
                receivedTwice += peer.count(id) != 1 ? 1 : 0;
            }
            assertEquals("futures completed twice", 0, twice);
            assertEquals("futures never completed", 0, never);
            assertEquals("messages not received exactly once", 0, receivedTwice);
            assertEquals("received", total, peer.receivedCount.get());
            assertTrue("at most 4 connections: " + peer.opened.get(), peer.opened.get() <= 4);
            assertEquals(0, client.secondDecisions());
            assertEquals(0, pool.borrowed());
        }
    }

    @Test
    public void anExhaustedPoolThrowsWithinTheBorrowTimeout() throws Exception {
        try (Peer peer = new Peer(); Client client = new Client();
                SenderPool pool = new SenderPool(client.container, new SenderPoolOptions().maxPerKey(2).maxTotal(3))) {
            SenderKey a = SenderKey.of(peer.url(), "a");
            SenderKey b = SenderKey.of(peer.url(), "b");
            PooledSender a1 = pool.borrow(a);
            PooledSender a2 = pool.borrow(a);
            long t0 = System.nanoTime();
            try {
                pool.borrow(a, Duration.ofMillis(300));
                fail("a third sender for a key with max 2");
            } catch (PoolExhaustedException e) {
                long waited = (System.nanoTime() - t0) / 1_000_000;
                assertTrue("waited " + waited + " ms", waited >= 290 && waited < 300 + 10_000);
                assertTrue(e.getMessage(), e.getMessage().contains("within 300 ms") && e.getMessage().contains("2 borrowed of at most 2"));
            }
            PooledSender b1 = pool.borrow(b);
            try {
                pool.borrow(b, Duration.ofMillis(100));
                fail("a fourth sender in a pool with max total 3");
            } catch (PoolExhaustedException e) {
                assertTrue(e.getMessage(), e.getMessage().contains("at most 3 in the pool"));
            }
            a1.close();
            // the freed sender goes to a waiting borrower of its key
            PooledSender again = pool.borrow(a, Duration.ofMillis(100));
            again.close();
            a2.close();
            b1.close();
            assertEquals(0, pool.borrowed());
        }
    }

    @Test
    public void aClosedPoolRefusesBorrowsAndClosesWhatComesBack() throws Exception {
        try (Peer peer = new Peer(); Client client = new Client()) {
            SenderPool pool = new SenderPool(client.container);
            SenderKey key = SenderKey.of(peer.url(), "q");
            PooledSender idle = pool.borrow(key);
            PooledSender out = pool.borrow(key);
            idle.close();
            pool.close();
            peer.awaitClosed(1); // the idle one closes with the pool
            try {
                pool.borrow(key);
                fail("a closed pool lent a sender");
            } catch (IllegalStateException e) {
                assertEquals("the sender pool is closed", e.getMessage());
            }
            assertEquals("a borrowed sender works until returned", Outcome.accepted(), Client.await(out.send(new Message("m"))));
            out.close();
            peer.awaitClosed(1);
            try {
                out.send(new Message("late"));
                fail("a returned lease sent");
            } catch (IllegalStateException expected) {
                // returned
            }
        }
    }

    @Test
    public void validationNeverLendsASenderWhoseConnectionThePeerClosed() throws Exception {
        try (Peer peer = new Peer(); Client client = new Client(); SenderPool pool = new SenderPool(client.container)) {
            SenderKey key = SenderKey.of(peer.url(), "q");
            CompletableFuture<Outcome> held;
            ThreadSafeSender first;
            try (PooledSender s = pool.borrow(key)) {
                held = s.send(new Message("held").subject("hold"));
                first = unwrap(s);
            }
            peer.awaitHeld(1);
            peer.closeConnections(null);
            try {
                Client.await(held);
                fail("a message on a closed connection got an outcome");
            } catch (java.util.concurrent.ExecutionException e) {
                assertTrue(e.getCause() instanceof SendFailedException);
            }
            assertFalse(first.usable());
            try (PooledSender s = pool.borrow(key)) {
                assertNotSame("the closed sender was lent again", first, unwrap(s));
                assertTrue(s.usable());
                assertEquals(Outcome.accepted(), Client.await(s.send(new Message("on a new connection"))));
            }
            assertEquals(2, peer.opened.get());
            assertEquals(1, pool.idle());
        }
    }

    @Test
    public void idleSendersAreEvictedAndTheirConnectionsClosed() throws Exception {
        try (Peer peer = new Peer(); Client client = new Client();
                SenderPool pool = new SenderPool(client.container, new SenderPoolOptions()
                        .idleTimeout(Duration.ofMillis(200)).evictionInterval(Duration.ofMillis(100)))) {
            SenderKey key = SenderKey.of(peer.url(), "q");
            PooledSender s1 = pool.borrow(key);
            PooledSender s2 = pool.borrow(key);
            s1.close();
            s2.close();
            assertEquals(2, pool.idle());
            peer.awaitClosed(2); // the evictor closes both
            assertEquals(0, pool.idle());
            try (PooledSender s = pool.borrow(key)) {
                assertEquals(Outcome.accepted(), Client.await(s.send(new Message("m"))));
            }
        }
    }

    @Test
    public void aSenderThatCannotConnectFailsTheBorrowWithTheConnectionsError() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort(); // nothing listens there once closed
        }
        try (Client client = new Client(); SenderPool pool = new SenderPool(client.container)) {
            try {
                pool.borrow(SenderKey.of("127.0.0.1:" + port, "q"));
                fail("borrowed a sender to a closed port");
            } catch (SendFailedException e) {
                assertEquals("proton:io", e.condition().name());
                assertTrue(e.getMessage(), e.getMessage().contains("cannot open a sender"));
            }
            assertEquals(0, pool.borrowed());
            assertEquals(0, pool.idle());
        }
    }

    @Test
    public void borrowingOnAContainerThreadIsRefused() throws Exception {
        try (Peer peer = new Peer(); Client client = new Client(); SenderPool pool = new SenderPool(client.container)) {
            CompletableFuture<Throwable> refused = new CompletableFuture<>();
            client.container.connect(peer.url(), new ConnectionOptions().handler(new MessagingHandler() {
                @Override
                public void onConnectionOpen(Connection c) {
                    try {
                        pool.borrow(SenderKey.of(peer.url(), "q"));
                        refused.complete(null);
                    } catch (Throwable e) {
                        refused.complete(e);
                    }
                    c.close();
                }

                @Override
                public void onError(ErrorCondition condition) { }
            }));
            Throwable t = Client.await(refused);
            assertTrue(String.valueOf(t), t instanceof IllegalStateException && t.getMessage().contains("container thread"));
        }
    }

    /** The sender behind a lease (the same object while it stays in the pool). */
    private static ThreadSafeSender unwrap(PooledSender s) throws ReflectiveOperationException {
        java.lang.reflect.Field f = PooledSender.class.getDeclaredField("sender");
        f.setAccessible(true);
        return (ThreadSafeSender) f.get(s);
    }
}
