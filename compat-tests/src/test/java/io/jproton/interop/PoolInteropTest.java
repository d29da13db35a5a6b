package io.jproton.interop;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import io.jproton.Container;
import io.jproton.Message;
import io.jproton.MessagingHandler;
import io.jproton.Transfer;
import io.jproton.mt.pool.Outcome;
import io.jproton.mt.pool.PoolExhaustedException;
import io.jproton.mt.pool.PooledSender;
import io.jproton.mt.pool.SendFailedException;
import io.jproton.mt.pool.SenderKey;
import io.jproton.mt.pool.SenderPool;
import io.jproton.mt.pool.SenderPoolOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.apache.activemq.artemis.api.core.ActiveMQException;
import org.apache.activemq.artemis.core.server.plugin.ActiveMQServerConnectionPlugin;
import org.apache.activemq.artemis.core.settings.impl.AddressFullMessagePolicy;
import org.apache.activemq.artemis.core.settings.impl.AddressSettings;
import org.apache.activemq.artemis.spi.core.protocol.RemotingConnection;
import org.junit.Test;

/**
 * The sender pool (container-mt) against real brokers: our broker example (a child process, 2
 * threads) and an embedded Artemis. Sixteen application threads send ten thousand messages each
 * through a pool of 4 connections, on a healthy broker and across a broker restart; and the pool's
 * validation, eviction and exhaustion, and a rejection with its condition, as a broker does them.
 * Runs in the multi-threaded Surefire execution only (the pool needs the multi-threaded container).
 */
public class PoolInteropTest {
    private static final int THREADS = 16;
    private static final int PER_THREAD = 10_000;
    private static final int TOTAL = THREADS * PER_THREAD;

    @org.junit.BeforeClass
    public static void multiThreadedOnly() {
        // the pom runs this class in the multi-threaded execution only; a -Dtest run reaches the other one too
        org.junit.Assume.assumeTrue("the sender pool needs the multi-threaded container",
                "mt".equals(System.getProperty("jproton.container")));
    }

    private static Proc ourBroker(int port) throws Exception {
        return Proc.start(Peers.ours("broker", "-a", "127.0.0.1:" + port, "-t", "2"));
    }

    private static void assertHealthy(PoolRun r) {
        String counts = r.toString();
        assertEquals(counts, TOTAL, r.accepted);
        assertEquals(counts, 0, r.total() - r.accepted);
        assertEquals(counts, 0, r.completedTwice);
        assertEquals(counts, 0, r.neverCompleted);
        assertEquals(counts, 0, r.secondDecisions);
        assertEquals(counts, TOTAL, r.received);
        assertEquals(counts, 0, r.duplicates);
    }

    /** What holds whatever a restart does to the broker's own memory. */
    private static void assertRestartInvariants(PoolRun r) {
        String counts = r.toString();
        assertTrue("the broker was restarted: " + counts, r.restarted);
        assertEquals("every message has a result: " + counts, TOTAL, r.total());
        assertEquals(counts, 0, r.otherOutcome);
        assertEquals(counts, 0, r.otherError);
        assertEquals(counts, 0, r.completedTwice);
        assertEquals(counts, 0, r.neverCompleted);
        assertEquals(counts, 0, r.secondDecisions);
        assertEquals("a message never written cannot arrive: " + counts, 0, r.notSentButReceived);
        assertTrue("the restart hit messages in flight: " + counts, r.failedMayHaveArrived + r.failedNotSent > 0);
        assertTrue("sending went on after the restart: " + counts, r.accepted > TOTAL / 3);
    }

    @Test
    public void sixteenThreadsThroughFourConnectionsToOurBroker() throws Exception {
        try (Proc broker = ourBroker(0)) {
            String hostPort = "127.0.0.1:" + broker.await("broker listening on (\\d+)");
            PoolRun r = PoolRun.run(hostPort, "pool-healthy", null, false, THREADS, PER_THREAD, null);
            System.out.println("pool, our broker -t 2, healthy: " + r);
            assertHealthy(r);
        }
    }

    @Test
    public void sixteenThreadsThroughFourConnectionsToArtemis() throws Exception {
        try (Artemis artemis = new Artemis()) {
            PoolRun r = PoolRun.run("127.0.0.1:" + artemis.port(), "pool-healthy", null, false, THREADS, PER_THREAD, null);
            System.out.println("pool, Artemis, healthy: " + r);
            assertHealthy(r);
        }
    }

    @Test
    public void ourBrokerKilledAndStartedAgainInTheMiddle() throws Exception {
        Proc[] broker = {ourBroker(0)};
        try {
            String port = broker[0].await("broker listening on (\\d+)");
            PoolRun r = PoolRun.run("127.0.0.1:" + port, "pool-restart", PoolRun.RECONNECT, false, THREADS, PER_THREAD, () -> {
                broker[0].kill();
                broker[0] = ourBroker(Integer.parseInt(port));
                broker[0].await("broker listening on " + port);
            });
            // our broker keeps its queues in memory: what it had accepted and not yet delivered dies with it
            System.out.println("pool, our broker -t 2, killed (SIGKILL) and started again: " + r);
            assertRestartInvariants(r);
        } finally {
            broker[0].close();
        }
    }

    @Test
    public void artemisStoppedAndStartedAgainInTheMiddleLosesNothingAccepted() throws Exception {
        Path dir = Files.createTempDirectory("artemis-pool");
        Artemis[] artemis = {Artemis.persistent(0, dir, null)};
        try {
            int port = artemis[0].port();
            PoolRun r = PoolRun.run("127.0.0.1:" + port, "pool-restart", PoolRun.RECONNECT, true, THREADS, PER_THREAD, () -> {
                artemis[0].close();
                artemis[0] = Artemis.persistent(port, dir, null);
            });
            System.out.println("pool, Artemis (persistent, durable messages), stopped and started: " + r);
            assertRestartInvariants(r);
            assertEquals("accepted, then lost: " + r, 0, r.acceptedNotReceived);
        } finally {
            artemis[0].close();
        }
    }

    @Test
    public void artemisRejectsWithItsConditionWhenTheAddressIsFull() throws Exception {
        try (Artemis artemis = new Artemis(); MtClient client = new MtClient()) {
            artemis.server().getAddressSettingsRepository().addMatch("pool-full", new AddressSettings()
                    .setMaxSizeMessages(5).setAddressFullMessagePolicy(AddressFullMessagePolicy.FAIL));
            try (SenderPool pool = new SenderPool(client.container)) {
                SenderKey key = SenderKey.of("127.0.0.1:" + artemis.port(), "pool-full");
                List<CompletableFuture<Outcome>> outcomes = new ArrayList<>();
                for (int i = 0; i < 20; i++) {
                    outcomes.add(pool.send(key, new Message(i), PoolRun.WAIT));
                }
                Outcome last = outcomes.get(19).get(PoolRun.TIMEOUT_SECONDS, TimeUnit.SECONDS);
                assertEquals(String.valueOf(last), Transfer.State.REJECTED, last.state());
                assertNotNull("the rejection carries the broker's error", last.condition());
                System.out.println("Artemis rejected with: " + last.condition());
                assertTrue(outcomes.get(0).get(PoolRun.TIMEOUT_SECONDS, TimeUnit.SECONDS).isAccepted());
            }
        }
    }

    @Test
    public void validationNeverLendsASenderWhoseConnectionArtemisClosed() throws Exception {
        ConnectionEvents events = new ConnectionEvents();
        try (Artemis artemis = Artemis.withPlugin(events); MtClient client = new MtClient();
                SenderPool pool = new SenderPool(client.container)) {
            SenderKey key = SenderKey.of("127.0.0.1:" + artemis.port(), "pool-validation");
            assertTrue(pool.send(key, new Message("first"), PoolRun.WAIT).get(PoolRun.TIMEOUT_SECONDS, TimeUnit.SECONDS).isAccepted());
            events.awaitCreated(1);
            for (RemotingConnection rc : artemis.server().getRemotingService().getConnections()) {
                rc.fail(new ActiveMQException("closed by the test"));
            }
            events.awaitDestroyed(1);
            // whether the client has noticed the close yet or not, the closed sender is never used again: either
            // the borrow's validation drops it and opens a new one, or it is lent before the client noticed, its
            // message fails, and the validation on return drops it
            Outcome outcome = null;
            for (int attempt = 0; attempt < 2 && outcome == null; attempt++) {
                try (PooledSender s = pool.borrow(key)) {
                    outcome = s.send(new Message("second")).get(PoolRun.TIMEOUT_SECONDS, TimeUnit.SECONDS);
                } catch (ExecutionException e) {
                    assertEquals("only the first attempt may meet the closed sender", 0, attempt);
                    assertTrue(String.valueOf(e.getCause()), e.getCause() instanceof SendFailedException);
                }
            }
            assertTrue(String.valueOf(outcome), outcome != null && outcome.isAccepted());
            events.awaitCreated(1); // on a new connection
            assertEquals(1, pool.idle());
            assertEquals(1, artemis.server().getConnectionCount());
        }
    }

    @Test
    public void idleSendersAreEvictedAndArtemisSeesTheirConnectionsClose() throws Exception {
        ConnectionEvents events = new ConnectionEvents();
        try (Artemis artemis = Artemis.withPlugin(events); MtClient client = new MtClient();
                SenderPool pool = new SenderPool(client.container, new SenderPoolOptions()
                        .idleTimeout(Duration.ofMillis(300)).evictionInterval(Duration.ofMillis(100)))) {
            SenderKey key = SenderKey.of("127.0.0.1:" + artemis.port(), "pool-eviction");
            List<PooledSender> leases = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                leases.add(pool.borrow(key));
            }
            events.awaitCreated(3);
            leases.forEach(PooledSender::close);
            events.awaitDestroyed(3);
            assertEquals(0, pool.idle());
            assertEquals(0, artemis.server().getConnectionCount());
        }
    }

    @Test
    public void anExhaustedPoolThrowsWithinItsTimeoutAgainstOurBroker() throws Exception {
        try (Proc broker = ourBroker(0); MtClient client = new MtClient();
                SenderPool pool = new SenderPool(client.container, new SenderPoolOptions().maxPerKey(2))) {
            SenderKey key = SenderKey.of("127.0.0.1:" + broker.await("broker listening on (\\d+)"), "pool-exhaustion");
            try (PooledSender a = pool.borrow(key); PooledSender b = pool.borrow(key)) {
                long t0 = System.nanoTime();
                try {
                    pool.borrow(key, Duration.ofMillis(500));
                    fail("a third sender for a key with at most 2");
                } catch (PoolExhaustedException e) {
                    long waited = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
                    assertTrue("waited " + waited + " ms: " + e.getMessage(), waited >= 490);
                    assertTrue(e.getMessage(), e.getMessage().contains("within 500 ms"));
                }
                assertTrue(a.usable() && b.usable());
            }
        }
    }

    /** Artemis's view of connections: created and destroyed, as semaphores to wait on. */
    static final class ConnectionEvents implements ActiveMQServerConnectionPlugin {
        private final Semaphore created = new Semaphore(0);
        private final Semaphore destroyed = new Semaphore(0);

        @Override
        public void afterCreateConnection(RemotingConnection connection) {
            created.release();
        }

        @Override
        public void afterDestroyConnection(RemotingConnection connection) {
            destroyed.release();
        }

        void awaitCreated(int n) throws InterruptedException {
            assertTrue("Artemis saw " + n + " connections open", created.tryAcquire(n, PoolRun.TIMEOUT_SECONDS, TimeUnit.SECONDS));
        }

        void awaitDestroyed(int n) throws InterruptedException {
            assertTrue("Artemis saw " + n + " connections close", destroyed.tryAcquire(n, PoolRun.TIMEOUT_SECONDS, TimeUnit.SECONDS));
        }
    }

    /** A multi-threaded container running on two threads of its own, stopped on close. */
    static final class MtClient implements AutoCloseable {
        final Container container = new Container(new MessagingHandler() { });
        private final CompletableFuture<Void> run;

        MtClient() {
            container.autoStop(false);
            run = CompletableFuture.runAsync(() -> container.run(2), r -> new Thread(r, "mt-client").start());
        }

        @Override
        public void close() throws ExecutionException, java.util.concurrent.TimeoutException {
            container.stop();
            try {
                run.get(PoolRun.TIMEOUT_SECONDS, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
