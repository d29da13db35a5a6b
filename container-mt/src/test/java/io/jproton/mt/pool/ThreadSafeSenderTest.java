package io.jproton.mt.pool;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertSame;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import io.jproton.Connection;
import io.jproton.ConnectionOptions;
import io.jproton.ErrorCondition;
import io.jproton.Message;
import io.jproton.MessagingHandler;
import io.jproton.ReconnectOptions;
import io.jproton.internal.io.EventLoop;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import org.junit.Test;

/** One thread-safe sender against the test peer: outcomes, threads, back-pressure, loss, reconnect, close. */
public class ThreadSafeSenderTest {
    private static SenderPoolOptions options() {
        return new SenderPoolOptions();
    }

    private static ThreadSafeSender open(Client client, Peer peer, SenderPoolOptions options) throws Exception {
        ThreadSafeSender s = ThreadSafeSender.open(client.container, SenderKey.of(peer.url(), "q"), options);
        assertTrue(s.awaitOpen(Client.WAIT));
        return s;
    }

    private static SendFailedException failure(CompletableFuture<Outcome> f) throws Exception {
        try {
            Client.await(f);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof SendFailedException s) {
                return s;
            }
            throw new AssertionError("failed with " + e.getCause(), e.getCause());
        }
        throw new AssertionError("completed instead of failing: " + f.join());
    }

    @Test
    public void eachOutcomeOfThePeerCompletesItsFuture() throws Exception {
        try (Peer peer = new Peer(); Client client = new Client(); ThreadSafeSender s = open(client, peer, options())) {
            assertEquals(Outcome.accepted(), Client.await(s.send(new Message("a"))));
            Outcome rejected = Client.await(s.send(new Message("r").subject("reject")));
            assertEquals(Outcome.rejected(Peer.REJECTION), rejected);
            assertEquals("amqp:precondition-failed", rejected.condition().name());
            assertEquals(Outcome.released(), Client.await(s.send(new Message("l").subject("release"))));
            assertEquals(Outcome.modified(true, false), Client.await(s.send(new Message("m").subject("modify"))));
            assertEquals(0, s.inFlight());
            assertEquals(0, client.secondDecisions());
        }
    }

    @Test
    public void sixteenThreadsShareOneSenderAndEveryMessageIsAcceptedExactlyOnceInEachThreadsOrder() throws Exception {
        int threads = 16;
        int perThread = 10_000;
        int total = threads * perThread;
        AtomicIntegerArray completions = new AtomicIntegerArray(total);
        AtomicInteger notAccepted = new AtomicInteger();
        CountDownLatch allDone = new CountDownLatch(total);
        try (Peer peer = new Peer(); Client client = new Client();
                ThreadSafeSender s = open(client, peer, options().maxInFlight(200))) {
            CountDownLatch go = new CountDownLatch(1);
            List<Thread> senders = new ArrayList<>();
            List<Throwable> errors = java.util.Collections.synchronizedList(new ArrayList<>());
            for (int t = 0; t < threads; t++) {
                int base = t * perThread;
                Thread th = new Thread(() -> {
                    try {
                        go.await();
                        for (int i = 0; i < perThread; i++) {
                            int id = base + i;
                            // half blocking, half non-blocking (blocking when full): both paths under contention
                            CompletableFuture<Outcome> f;
                            if ((i & 1) == 0) {
                                f = s.send(new Message(id), Client.WAIT);
                            } else {
                                try {
                                    f = s.send(new Message(id));
                                } catch (SenderFullException full) {
                                    f = s.send(new Message(id), Client.WAIT);
                                }
                            }
                            f.whenComplete((o, e) -> {
                                completions.incrementAndGet(id);
                                if (e != null || !o.isAccepted()) {
                                    notAccepted.incrementAndGet();
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
            go.countDown();
            for (Thread th : senders) {
                th.join(TimeUnit.SECONDS.toMillis(Peer.TIMEOUT_SECONDS));
                assertFalse("sending thread finished", th.isAlive());
            }
            assertEquals(List.of(), errors);
            assertTrue("every future completed: " + allDone.getCount() + " left", allDone.await(Peer.TIMEOUT_SECONDS, TimeUnit.SECONDS));
            assertEquals("not accepted", 0, notAccepted.get());
            int wrong = 0;
            for (int id = 0; id < total; id++) {
                wrong += completions.get(id) != 1 || peer.count(id) != 1 ? 1 : 0;
            }
            assertEquals("messages not completed, or not received, exactly once", 0, wrong);
            assertEquals("each thread's messages arrive in its order", 0, peer.outOfOrder(perThread));
            assertEquals(0, client.secondDecisions());
            assertEquals(0, s.inFlight());
        }
    }

    @Test
    public void futuresCompleteOnTheCompletionExecutorNeverOnAContainerThreadNorTheSender() throws Exception {
        ExecutorService completions = Executors.newSingleThreadExecutor(r -> new Thread(r, "completions"));
        try (Peer peer = new Peer(); Client client = new Client();
                ThreadSafeSender s = open(client, peer, options().completionExecutor(completions))) {
            List<CompletableFuture<String>> where = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                // held, so that the continuation is attached before the outcome arrives
                CompletableFuture<Outcome> f = s.send(new Message("m" + i).subject("hold"));
                where.add(f.thenApply(o -> Thread.currentThread().getName()
                        + (EventLoop.ofCurrentThread() != null ? " (a container thread)" : "")));
            }
            peer.awaitHeld(200);
            peer.settleHeld();
            for (CompletableFuture<String> w : where) {
                assertEquals("completions", Client.await(w));
            }
        } finally {
            completions.shutdownNow();
        }
    }

    @Test
    public void pastMaxInFlightSendThrowsAtOnceAndTheBlockingSendWaitsForRoom() throws Exception {
        try (Peer peer = new Peer(); Client client = new Client(); ThreadSafeSender s = open(client, peer, options().maxInFlight(5))) {
            List<CompletableFuture<Outcome>> held = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                held.add(s.send(new Message("h" + i).subject("hold")));
            }
            assertEquals(5, s.inFlight());
            try {
                s.send(new Message("x"));
                fail("a sixth message was taken");
            } catch (SenderFullException expected) {
                assertTrue(expected.getMessage(), expected.getMessage().contains("5 messages in flight"));
            }
            long t0 = System.nanoTime();
            try {
                s.send(new Message("y"), Duration.ofMillis(300));
                fail("a sixth message was taken");
            } catch (SenderFullException expected) {
                long waited = (System.nanoTime() - t0) / 1_000_000;
                assertTrue("waited " + waited + " ms for room", waited >= 290);
            }
            CompletableFuture<CompletableFuture<Outcome>> blocked = CompletableFuture.supplyAsync(() -> {
                try {
                    return s.send(new Message("z"), Client.WAIT);
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            }, Executors.newSingleThreadExecutor());
            peer.awaitHeld(5);
            assertFalse("a blocked send is not taken while the sender is full", blocked.isDone());
            peer.settleHeld();
            assertEquals(Outcome.accepted(), Client.await(Client.await(blocked)));
            for (CompletableFuture<Outcome> f : held) {
                assertEquals(Outcome.accepted(), Client.await(f));
            }
            assertEquals("the refused messages never went out", 0, peer.count("x") + peer.count("y"));
        }
    }

    @Test
    public void aLostConnectionWithoutReconnectFailsWhatIsInFlightAndTheSenderEnds() throws Exception {
        try (Peer peer = new Peer(); Client client = new Client(); ThreadSafeSender s = open(client, peer, options())) {
            CompletableFuture<Outcome> f1 = s.send(new Message("1").subject("hold"));
            CompletableFuture<Outcome> f2 = s.send(new Message("2").subject("hold"));
            peer.awaitHeld(2);
            peer.closeConnections(new ErrorCondition("amqp:connection:forced", "broker going down"));
            SendFailedException e1 = failure(f1);
            assertTrue("written before the loss: " + e1, e1.mayHaveArrived());
            assertEquals("amqp:connection:forced", e1.condition().name());
            failure(f2);
            assertFalse(s.usable());
            SendFailedException later = failure(s.send(new Message("3")));
            assertFalse("never written: " + later, later.mayHaveArrived());
            assertEquals(0, client.secondDecisions());
        }
    }

    /**
     * A callback that throws stops the container, which drops every connection without callbacks
     * (Proton C++ semantics): the sender's messages in flight still fail, and later sends fail at
     * once, instead of waiting for ever.
     */
    @Test
    public void aContainerStoppedByAFailedCallbackFailsWhatIsInFlight() throws Exception {
        try (Peer peer = new Peer()) {
            Client client = new Client();
            ThreadSafeSender s = open(client, peer, options());
            CompletableFuture<Outcome> held = s.send(new Message("1").subject("hold"));
            peer.awaitHeld(1);
            RuntimeException boom = new RuntimeException("an application callback fails");
            client.container.schedule(Duration.ZERO, () -> {
                throw boom;
            });
            try {
                Client.await(client.run());
                fail("the container's run must fail with the callback's exception");
            } catch (ExecutionException expected) {
                assertSame(boom, expected.getCause());
            }
            SendFailedException lost = failure(held);
            assertEquals("proton:aborted", lost.condition().name());
            assertTrue("it was written: " + lost, lost.mayHaveArrived());
            assertFalse(s.usable());
            SendFailedException later = failure(s.send(new Message("2")));
            assertFalse("never written: " + later, later.mayHaveArrived());
            assertEquals(0, client.secondDecisions());
        }
    }

    @Test
    public void aReconnectFailsWhatWentOutBeforeTheLossAndTheSenderGoesOn() throws Exception {
        ConnectionOptions reconnect = new ConnectionOptions().reconnect(new ReconnectOptions().delay(Duration.ofMillis(10))
                .maxDelay(Duration.ofMillis(200)));
        try (Peer peer = new Peer(); Client client = new Client();
                ThreadSafeSender s = ThreadSafeSender.open(client.container, SenderKey.of(peer.url(), "q", reconnect), options())) {
            assertTrue(s.awaitOpen(Client.WAIT));
            CompletableFuture<Outcome> lost = s.send(new Message("before").subject("hold"));
            peer.awaitHeld(1);
            // forced: a broker shutting down, which a reconnecting client treats as a lost transport
            peer.closeConnections(new ErrorCondition("amqp:connection:forced", "restart"));
            SendFailedException e = failure(lost);
            assertTrue(e.mayHaveArrived());
            assertTrue("a reconnecting sender stays usable", s.usable());
            assertEquals(Outcome.accepted(), Client.await(s.send(new Message("after"))));
            assertEquals(2, peer.opened.get());
            assertEquals(1, peer.count("after"));
            assertEquals(0, client.secondDecisions());
        }
    }

    @Test
    public void aLinkThePeerRefusesFailsItsMessagesWithThePeersError() throws Exception {
        try (Peer peer = new Peer(); Client client = new Client()) {
            // the peer does not know this address: its receiver is closed at once with amqp:not-found
            ThreadSafeSender s = ThreadSafeSender.open(client.container, SenderKey.of(peer.url(), Peer.REFUSED_ADDRESS), options());
            SendFailedException e = failure(s.send(new Message("m")));
            assertEquals("amqp:not-found", e.condition().name());
            assertFalse(s.usable());
            s.close();
        }
    }

    @Test
    public void anAtMostOnceSenderCompletesEachFutureWithNoOutcomeOnceSent() throws Exception {
        try (Peer peer = new Peer(); Client client = new Client();
                ThreadSafeSender s = ThreadSafeSender.open(client.container, new SenderKey(peer.url(), "q", null,
                        new io.jproton.SenderOptions().deliveryMode(io.jproton.DeliveryMode.AT_MOST_ONCE)), options())) {
            assertTrue(s.awaitOpen(Client.WAIT));
            List<CompletableFuture<Outcome>> fs = new ArrayList<>();
            for (int i = 0; i < 100; i++) {
                fs.add(s.send(new Message(i)));
            }
            for (CompletableFuture<Outcome> f : fs) {
                assertSame(Outcome.none(), Client.await(f));
            }
            assertEquals(0, s.inFlight());
            assertTrue(s.usable());
        }
    }

    @Test
    public void aMessageThatCannotBeEncodedFailsAloneWithTheEncodersError() throws Exception {
        try (Peer peer = new Peer(); Client client = new Client(); ThreadSafeSender s = open(client, peer, options())) {
            try {
                Client.await(s.send(new Message(new Object())));
                fail("an Object body was encoded");
            } catch (ExecutionException e) {
                assertFalse(e.getCause() instanceof SendFailedException);
            }
            assertEquals(Outcome.accepted(), Client.await(s.send(new Message("next"))));
            assertTrue(s.usable());
        }
    }

    @Test
    public void blockingCallsAreRefusedOnAContainerThread() throws Exception {
        try (Peer peer = new Peer(); Client client = new Client(); ThreadSafeSender s = open(client, peer, options())) {
            CompletableFuture<Throwable> refused = new CompletableFuture<>();
            CompletableFuture<Outcome> nonBlocking = new CompletableFuture<>();
            client.container.connect(peer.url(), new ConnectionOptions().handler(new MessagingHandler() {
                @Override
                public void onConnectionOpen(Connection c) {
                    try {
                        s.send(new Message("blocking"), Duration.ofSeconds(1));
                        refused.complete(null);
                    } catch (Throwable e) {
                        refused.complete(e);
                    }
                    s.send(new Message("from a callback")).whenComplete((o, e) -> nonBlocking.complete(o));
                    c.close();
                }
            }));
            Throwable t = Client.await(refused);
            assertTrue(String.valueOf(t), t instanceof IllegalStateException && t.getMessage().contains("container thread"));
            assertEquals("the non-blocking send works in a callback", Outcome.accepted(), Client.await(nonBlocking));
        }
    }

    @Test
    public void closeLetsWhatIsInFlightFinishThenClosesTheConnection() throws Exception {
        try (Peer peer = new Peer(); Client client = new Client()) {
            ThreadSafeSender s = open(client, peer, options());
            CompletableFuture<Outcome> f = s.send(new Message("held").subject("hold"));
            peer.awaitHeld(1);
            s.close();
            try {
                s.send(new Message("after close"));
                fail("a closed sender took a message");
            } catch (IllegalStateException expected) {
                assertFalse(s.usable());
            }
            peer.settleHeld();
            assertSame(Outcome.accepted(), Client.await(f));
            peer.awaitClosed(1);
        }
    }

    @Test
    public void closeGivesUpAfterTheCloseTimeout() throws Exception {
        try (Peer peer = new Peer(); Client client = new Client()) {
            ThreadSafeSender s = open(client, peer, options().closeTimeout(Duration.ofMillis(200)));
            CompletableFuture<Outcome> f = s.send(new Message("never settled").subject("hold"));
            peer.awaitHeld(1);
            s.close();
            SendFailedException e = failure(f);
            assertEquals("proton:closed", e.condition().name());
            assertNotNull(e.getMessage());
            peer.awaitClosed(1);
        }
    }
}
