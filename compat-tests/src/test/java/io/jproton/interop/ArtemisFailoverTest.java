package io.jproton.interop;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import io.jproton.Connection;
import io.jproton.ConnectionOptions;
import io.jproton.Container;
import io.jproton.Delivery;
import io.jproton.Message;
import io.jproton.MessagingHandler;
import io.jproton.Receiver;
import io.jproton.ReceiverOptions;
import java.util.BitSet;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.Test;

/**
 * jproton through a broker network that someone else runs: an Artemis 2.44 live/backup pair with
 * replication whose live server is killed (SIGKILL) in the middle, and a two-node Artemis cluster.
 * Each server is a JVM of its own ({@link ArtemisServers}). The clients run in this JVM on the
 * container the Surefire execution names; the Maven profile {@code failover} runs this class on
 * both (CI: {@code .ci/run}). Every count is printed, duplicates too.
 */
public class ArtemisFailoverTest {
    static final int SENT = 100_000;
    static final int PRELOADED = 50_000;
    static final int CLUSTER_SENDERS = 2;
    static final int CLUSTER_EACH = 10_000;
    /** Each test, servers started and stopped, within 2 minutes (on the 2-core CI machine) or it fails. */
    static final long LIMIT_MILLIS = 120_000;

    private static double seconds(long nanos) {
        return nanos / 1e9;
    }

    private static void report(String line) {
        System.out.println("[failover] " + line);
    }

    /**
     * The sender fails over: 100,000 numbered durable messages at least once, the live node
     * killed once half are accepted; the sender sends again whatever was not accepted when the
     * connection was lost. A receiver on the surviving node then counts: every message whose
     * send was accepted arrives at least once; duplicates are counted and printed.
     */
    @Test(timeout = LIMIT_MILLIS)
    public void senderFailsOverAndNoAcceptedMessageIsLost() throws Exception {
        try (ArtemisServers ha = ArtemisServers.replicatedPair("send")) {
            ArtemisServers.Node live = ha.node(0);
            ArtemisServers.Node backup = ha.node(1);
            String address = "failover-send";
            FailoverClients.Sender sender = new FailoverClients.Sender(live.hostPort(), address, SENT,
                    FailoverClients.reconnecting(List.of(backup.hostPort())));
            long start = System.nanoTime();
            CompletableFuture<Void> sending = FailoverClients.run(new Container(sender));
            sender.halfway.get(90, TimeUnit.SECONDS);
            assertFalse("the sender stopped before the live node was killed: " + sender, sending.isDone());
            int acceptedAtKill = sender.acceptedCount.get();
            long killed = System.nanoTime();
            live.proc().kill();
            backup.proc().await("artemis backup active");
            long active = System.nanoTime();
            FailoverClients.await(sending, 90, sender);
            long sent = System.nanoTime();

            FailoverClients.Receiver receiver = new FailoverClients.Receiver(backup.hostPort(), address, SENT,
                    new ConnectionOptions(), 1000, 0);
            FailoverClients.await(FailoverClients.run(new Container(receiver)), 90, receiver);
            long received = System.nanoTime();

            report(sender.toString());
            report(receiver.toString());
            report(String.format("sender on %s: killed the live node at %d accepted; backup active %.2f s after the kill,"
                    + " sender reconnected to it %.2f s after the kill; sending took %.1f s, receiving %.1f s",
                    sender.container, acceptedAtKill, seconds(active - killed), seconds(sender.reconnectedNanos - killed),
                    seconds(sent - start), seconds(received - sent)));
            assertEquals("the sender failed over once: " + sender, 1, sender.reconnects);
            assertTrue("every message accepted: " + sender, sender.allAccepted());
            assertTrue("every accepted message arrived at least once: " + receiver, receiver.allAccepted());
            assertEquals("duplicates counted, every delivery either new or a duplicate: " + receiver,
                    receiver.deliveries, (long) SENT + receiver.duplicates);
        }
    }

    /**
     * The receiver fails over: 50,000 messages on the live node, received with manual acceptance
     * (in batches of 100). Once half are accepted it stops accepting (it goes on receiving), and
     * the live node is killed as soon as a message arrives that the live could only have sent
     * after processing those accepts. On the backup, the receiver goes on: nothing it accepted
     * comes again, and everything it held unaccepted when the connection was lost does.
     */
    @Test(timeout = LIMIT_MILLIS)
    public void receiverFailsOverWithManualAcceptance() throws Exception {
        try (ArtemisServers ha = ArtemisServers.replicatedPair("recv")) {
            ArtemisServers.Node live = ha.node(0);
            ArtemisServers.Node backup = ha.node(1);
            String address = "failover-recv";
            FailoverClients.Sender preload = new FailoverClients.Sender(live.hostPort(), address, PRELOADED,
                    new ConnectionOptions());
            FailoverClients.await(FailoverClients.run(new Container(preload)), 90, preload);
            assertTrue("preloaded: " + preload, preload.allAccepted());

            FailoverClients.Receiver receiver = new FailoverClients.Receiver(live.hostPort(), address, PRELOADED,
                    FailoverClients.reconnecting(List.of(backup.hostPort())), 1000, PRELOADED / 2);
            long start = System.nanoTime();
            CompletableFuture<Void> receiving = FailoverClients.run(new Container(receiver));
            receiver.paused.get(90, TimeUnit.SECONDS);
            assertFalse("the receiver stopped before the live node was killed: " + receiver, receiving.isDone());
            int distinctAtKill = receiver.distinct.get();
            long killed = System.nanoTime();
            live.proc().kill();
            backup.proc().await("artemis backup active");
            long active = System.nanoTime();
            FailoverClients.await(receiving, 90, receiver);
            long done = System.nanoTime();

            report(receiver.toString());
            report(String.format("receiver on %s: killed the live node at %d received; backup active %.2f s after the"
                    + " kill, receiver reconnected to it %.2f s after the kill; receiving took %.1f s",
                    receiver.container, distinctAtKill, seconds(active - killed), seconds(receiver.reconnectedNanos - killed),
                    seconds(done - start)));
            assertEquals("the receiver failed over once: " + receiver, 1, receiver.reconnects);
            assertTrue("every message received and accepted: " + receiver, receiver.allAccepted());
            assertEquals("nothing accepted came again (the first: " + receiver.acceptedRedeliveredNumbers + ")", 0,
                    receiver.acceptedRedelivered);
            assertEquals("nothing held unaccepted at the loss was lost: " + receiver, 0, receiver.heldLost());
        }
    }

    /**
     * A two-node symmetric cluster (message load balancing ON_DEMAND): two receivers on node B,
     * then two senders on node A; every message arrives on B, each counted.
     */
    @Test(timeout = LIMIT_MILLIS)
    public void clusterSendersOnOneNodeReceiversOnTheOther() throws Exception {
        try (ArtemisServers cluster = ArtemisServers.cluster("cluster")) {
            ArtemisServers.Node a = cluster.node(0);
            ArtemisServers.Node b = cluster.node(1);
            String address = "cluster-q";
            int total = CLUSTER_SENDERS * CLUSTER_EACH;
            SharedCount count = new SharedCount(total);
            CountDownLatch receiversOpen = new CountDownLatch(2);
            Container receivers = new Container(new MessagingHandler() {
                @Override
                public void onContainerStart(Container c) {
                    for (int i = 0; i < 2; i++) {
                        c.openReceiver(b.url(address), new ReceiverOptions().handler(new MessagingHandler() {
                            @Override
                            public void onReceiverOpen(Receiver r) {
                                receiversOpen.countDown();
                            }

                            @Override
                            public void onMessage(Delivery d, Message m) {
                                if (count.add(FailoverClients.number(m))) {
                                    d.container().stop();
                                }
                            }
                        }), new ConnectionOptions());
                    }
                }
            });
            long start = System.nanoTime();
            CompletableFuture<Void> receiving = FailoverClients.run(receivers);
            assertTrue("receivers open on node B", receiversOpen.await(30, TimeUnit.SECONDS));
            FailoverClients.Sender[] senders = new FailoverClients.Sender[CLUSTER_SENDERS];
            List<CompletableFuture<Void>> sending = new java.util.ArrayList<>();
            for (int i = 0; i < CLUSTER_SENDERS; i++) {
                senders[i] = new FailoverClients.Sender(a.hostPort(), address, 1 + i * CLUSTER_EACH, CLUSTER_EACH,
                        new ConnectionOptions());
                sending.add(FailoverClients.run(new Container(senders[i])));
            }
            for (int i = 0; i < CLUSTER_SENDERS; i++) {
                FailoverClients.await(sending.get(i), 90, senders[i]);
                assertTrue("sender " + i + ": " + senders[i], senders[i].allAccepted());
            }
            FailoverClients.await(receiving, 60, count);
            long done = System.nanoTime();
            report(String.format("cluster on %s: %s in %.1f s (senders on node A, receivers on node B)",
                    senders[0].container, count, seconds(done - start)));
            assertTrue("every message arrived on node B: " + count, count.complete());
        }
    }

    /** Messages 1..expected seen by several receivers together; duplicates counted. */
    static final class SharedCount {
        private final int expected;
        private final BitSet seen = new BitSet();
        private int deliveries;
        private int duplicates;

        SharedCount(int expected) {
            this.expected = expected;
        }

        /** @return true when the last missing message has arrived */
        synchronized boolean add(int n) {
            deliveries++;
            if (seen.get(n)) {
                duplicates++;
                return false;
            }
            seen.set(n);
            return seen.cardinality() == expected;
        }

        synchronized boolean complete() {
            return seen.cardinality() == expected && seen.nextClearBit(1) == expected + 1;
        }

        @Override
        public synchronized String toString() {
            return seen.cardinality() + " of " + expected + " distinct messages, " + deliveries + " deliveries, "
                    + duplicates + " duplicates";
        }
    }
}
