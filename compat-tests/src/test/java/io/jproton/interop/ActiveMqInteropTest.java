package io.jproton.interop;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertTrue;

import io.jproton.ConnectionOptions;
import io.jproton.Container;
import io.jproton.compat.CuttableProxy;
import io.jproton.examples.Client;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.Test;

/**
 * Our examples and clients against Apache ActiveMQ Classic 6 (embedded, AMQP transport), one broker
 * for the class. Its addresses: a plain name or {@code queue://NAME} is a queue, {@code topic://NAME}
 * a topic.
 */
public class ActiveMqInteropTest {
    static final String PASSWORD = "activemq-s3cret";
    private static ActiveMq activemq;

    @BeforeClass
    public static void start() throws Exception {
        activemq = new ActiveMq(0, "alice", PASSWORD);
    }

    @AfterClass
    public static void stop() throws Exception {
        if (activemq != null) {
            activemq.close();
        }
    }

    @Test
    public void simpleSendAndRecv() throws Exception {
        try (Proc send = Proc.start(Peers.ours("simple_send", "-a", activemq.url("amq-q1"), "-m", "50"))) {
            assertEquals(List.of("all messages confirmed"), send.finish());
        }
        try (Proc recv = Proc.start(Peers.ours("simple_recv", "-a", activemq.url("amq-q1"), "-m", "50"))) {
            assertEquals(Peers.sequenceLines(50), recv.finish());
        }
    }

    @Test
    public void queuePrefixNamesTheSameQueue() throws Exception {
        // with "://" in the address the URL needs its scheme (as in Proton C++, "host:port/queue://x" reads as scheme "host:port/queue")
        try (Proc send = Proc.start(Peers.ours("simple_send", "-a", "amqp://" + activemq.url("queue://amq-q2"), "-m", "10"))) {
            assertEquals(List.of("all messages confirmed"), send.finish());
        }
        try (Proc recv = Proc.start(Peers.ours("simple_recv", "-a", activemq.url("amq-q2"), "-m", "10"))) {
            assertEquals(Peers.sequenceLines(10), recv.finish());
        }
    }

    @Test
    public void helloworld() throws Exception {
        try (Proc hello = Proc.start(Peers.ours("helloworld", "127.0.0.1:" + activemq.port(), "amq-hello"))) {
            assertEquals(List.of("Hello World!"), hello.finish());
        }
    }

    @Test
    public void clientAndServerWithATemporaryReplyQueue() throws Exception {
        try (Proc server = Proc.start(Peers.ours("server", "127.0.0.1:" + activemq.port(), "amq-requests"))) {
            server.await("Server connected");
            try (Proc client = Proc.start(Peers.ours("client", "-a", activemq.url("amq-requests")))) {
                List<String> expected = new ArrayList<>();
                for (String r : Client.REQUESTS) {
                    expected.add(r + " => " + r.toUpperCase(Locale.ROOT));
                }
                assertEquals(expected, client.finish());
            }
        }
    }

    @Test
    public void selectorsAndBrowsing() throws Exception {
        String url = activemq.url("amq-colours");
        try (Proc send = Proc.start(Peers.ours("colour_send", "-a", url, "-m", "10"))) {
            assertEquals(List.of("all messages confirmed"), send.finish());
        }
        try (Proc selected = Proc.start(Peers.ours("selected_recv", "127.0.0.1:" + activemq.port(), "amq-colours"))) {
            for (int i = 1; i <= 9; i += 2) {
                assertEquals("green " + i, selected.await("(green \\d+|red \\d+)"));
            }
        }
        try (Proc browser = Proc.start(Peers.ours("queue_browser", "127.0.0.1:" + activemq.port(), "amq-colours"))) {
            for (int i = 2; i <= 10; i += 2) {
                assertEquals("red " + i, browser.await("(green \\d+|red \\d+)"));
            }
        }
        try (Proc again = Proc.start(Peers.ours("queue_browser", "127.0.0.1:" + activemq.port(), "amq-colours"))) {
            assertEquals("browsing did not consume", "red 2", again.await("(green \\d+|red \\d+)"));
        }
    }

    @Test
    public void plainWithAnActiveMqUser() throws Exception {
        try (Proc send = Proc.start(Peers.ours("simple_send", "-a", activemq.url("amq-alice"), "-m", "5",
                "-u", "alice", "-p", PASSWORD, "-i"))) {
            assertEquals(List.of("all messages confirmed"), send.finish());
        }
        try (Proc recv = Proc.start(Peers.ours("simple_recv", "-a", activemq.url("amq-alice"), "-m", "5",
                "-u", "alice", "-p", PASSWORD, "-i"))) {
            assertEquals(Peers.sequenceLines(5), recv.finish());
        }
        try (Proc wrong = Proc.start(Peers.ours("simple_send", "-a", activemq.url("amq-alice"), "-m", "5",
                "-u", "alice", "-p", "wrong", "-i"))) {
            assertNotEquals(0, wrong.exitCode());
            assertEquals(List.of("amqp:unauthorized-access: Authentication failed [mech=PLAIN]"), wrong.output());
        }
    }

    @Test
    public void atLeastOnceEveryMessageAccepted() throws Exception {
        int n = 10_000;
        String url = "127.0.0.1:" + activemq.port();
        FailoverClients.Sender sender = new FailoverClients.Sender(url, "amq-alo", n, new ConnectionOptions());
        FailoverClients.await(FailoverClients.run(new Container(sender)), 60, sender);
        assertTrue(sender.toString(), sender.allAccepted());
        assertEquals(sender.toString(), n, sender.sends);
        FailoverClients.Receiver receiver = new FailoverClients.Receiver(url, "amq-alo", n, new ConnectionOptions(), 1000, 0);
        FailoverClients.await(FailoverClients.run(new Container(receiver)), 60, receiver);
        assertTrue(receiver.toString(), receiver.allAccepted());
        assertEquals("no duplicates without a failure, nothing left after: " + receiver, n, receiver.deliveries);
    }

    @Test
    public void reconnectClientAcrossABrokerRestart() throws Exception {
        int port = activemq.port();
        // the client goes through a proxy that drops it while the broker restarts: ActiveMQ, stopped
        // while a transfer is on its way in, may close with amqp:decode-error ("Could not process AMQP
        // commands"), after which a Proton C++ client stops too (an error close is not reconnected)
        try (CuttableProxy proxy = new CuttableProxy(port);
                Proc client = Proc.start(Peers.ours("reconnect_client", "127.0.0.1:" + proxy.port(), "amq-reconnect", "20"))) {
            client.await("\\{\"sequence\"=5\\}");
            proxy.cutAndRefuse();
            activemq.close();
            activemq = new ActiveMq(port, "alice", PASSWORD); // the same port, behind the same proxy
            proxy.accept();
            List<String> out = client.finish();
            List<String> bodies = new ArrayList<>();
            int opens = 0;
            for (String line : out) {
                if (line.startsWith("{")) {
                    bodies.add(line);
                } else if (line.startsWith("simple_recv listening on")) {
                    opens++;
                }
            }
            assertEquals(Peers.sequenceLines(20), bodies);
            assertTrue("reconnected after the restart: " + out, opens >= 2);
        }
    }
}
