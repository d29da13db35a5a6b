package io.jproton.interop;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertTrue;

import io.jproton.ConnectionOptions;
import io.jproton.Container;
import io.jproton.examples.Client;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.Test;

/**
 * Our examples and clients against RabbitMQ 3.10 (Debian's rabbitmq-server, AMQP 1.0 plugin), a
 * node of its own for the class. RabbitMQ's AMQP 1.0 addresses: {@code /queue/NAME} (declares the
 * queue), {@code /amq/queue/NAME} (an existing queue only), {@code /exchange/X/KEY},
 * {@code /topic/KEY}; in a URL the path loses its first '/', so {@code 127.0.0.1:5672//queue/NAME}.
 */
public class RabbitMqInteropTest {
    static final String PASSWORD = "rabbit-s3cret";
    private static RabbitMq rabbit;

    @BeforeClass
    public static void start() throws Exception {
        rabbit = RabbitMq.start("interop");
        rabbit.ctl("add_user", "alice", PASSWORD);
        rabbit.ctl("set_permissions", "-p", "/", "alice", ".*", ".*", ".*");
    }

    @AfterClass
    public static void stop() throws Exception {
        if (rabbit != null) {
            rabbit.close();
        }
    }

    @Test
    public void simpleSendAndRecvThroughAQueue() throws Exception {
        try (Proc send = Proc.start(Peers.ours("simple_send", "-a", rabbit.url("/queue/rmq-q1"), "-m", "50"))) {
            assertEquals(List.of("all messages confirmed"), send.finish());
        }
        try (Proc recv = Proc.start(Peers.ours("simple_recv", "-a", rabbit.url("/queue/rmq-q1"), "-m", "50"))) {
            assertEquals(Peers.sequenceLines(50), recv.finish());
        }
    }

    /** A backlog at the default credit window: RabbitMQ 3.10 slips past the credit (rabbitmq-server#2597), jproton takes it. */
    @Test
    public void simpleRecvDrainsABacklog() throws Exception {
        try (Proc send = Proc.start(Peers.ours("simple_send", "-a", rabbit.url("/queue/rmq-backlog"), "-m", "20000"))) {
            assertEquals(List.of("all messages confirmed"), send.finish());
        }
        try (Proc recv = Proc.start(Peers.ours("simple_recv", "-a", rabbit.url("/queue/rmq-backlog"), "-m", "20000"))) {
            assertEquals(Peers.sequenceLines(20000), recv.finish());
        }
    }

    @Test
    public void amqQueueAddressesNameAnExistingQueue() throws Exception {
        // /queue/NAME declares the queue; /amq/queue/NAME then reaches the same one, for sending and receiving
        String[][] legs = {{"/queue/rmq-q2", "/amq/queue/rmq-q2"}, {"/amq/queue/rmq-q2", "/queue/rmq-q2"}};
        for (String[] leg : legs) {
            try (Proc send = Proc.start(Peers.ours("simple_send", "-a", rabbit.url(leg[0]), "-m", "10"))) {
                assertEquals(List.of("all messages confirmed"), send.finish());
            }
            try (Proc recv = Proc.start(Peers.ours("simple_recv", "-a", rabbit.url(leg[1]), "-m", "10"))) {
                assertEquals(Peers.sequenceLines(10), recv.finish());
            }
        }
        // a queue that does not exist: the attach is refused
        try (Proc recv = Proc.start(Peers.ours("simple_recv", "-a", rabbit.url("/amq/queue/rmq-none"), "-m", "1"))) {
            assertNotEquals(0, recv.exitCode());
            assertTrue(recv.output().toString(), String.join("\n", recv.output()).contains("amqp:not-found"));
        }
    }

    @Test
    public void helloworld() throws Exception {
        try (Proc hello = Proc.start(Peers.ours("helloworld", "127.0.0.1:" + rabbit.port(), "/queue/rmq-hello"))) {
            assertEquals(List.of("Hello World!"), hello.finish());
        }
    }

    @Test
    public void clientAndServerWithANamedReplyQueue() throws Exception {
        try (Proc server = Proc.start(Peers.ours("server", "127.0.0.1:" + rabbit.port(), "/queue/rmq-requests"))) {
            server.await("Server connected");
            try (Proc client = Proc.start(Peers.ours("client", "-a", rabbit.url("/queue/rmq-requests"),
                    "-r", "/queue/rmq-replies"))) {
                List<String> expected = new ArrayList<>();
                for (String r : Client.REQUESTS) {
                    expected.add(r + " => " + r.toUpperCase(Locale.ROOT));
                }
                assertEquals(expected, client.finish());
            }
        }
    }

    @Test
    public void noDynamicReplyQueues() throws Exception {
        try (Proc client = Proc.start(Peers.ours("client", "-a", rabbit.url("/queue/rmq-requests-2")))) {
            assertNotEquals(0, client.exitCode());
            assertEquals(List.of("amqp:not-implemented: Dynamic sources not supported"), client.output());
        }
    }

    @Test
    public void plainWithARabbitMqUser() throws Exception {
        try (Proc send = Proc.start(Peers.ours("simple_send", "-a", rabbit.url("/queue/rmq-alice"), "-m", "5",
                "-u", "alice", "-p", PASSWORD, "-i"))) {
            assertEquals(List.of("all messages confirmed"), send.finish());
        }
        try (Proc recv = Proc.start(Peers.ours("simple_recv", "-a", rabbit.url("/queue/rmq-alice"), "-m", "5",
                "-u", "alice", "-p", PASSWORD, "-i"))) {
            assertEquals(Peers.sequenceLines(5), recv.finish());
        }
        try (Proc wrong = Proc.start(Peers.ours("simple_send", "-a", rabbit.url("/queue/rmq-alice"), "-m", "5",
                "-u", "alice", "-p", "wrong", "-i"))) {
            assertNotEquals(0, wrong.exitCode());
            assertEquals(List.of("amqp:unauthorized-access: Authentication failed [mech=PLAIN]"), wrong.output());
        }
    }

    @Test
    public void atLeastOnceEveryMessageAccepted() throws Exception {
        int n = 10_000;
        FailoverClients.Sender sender = new FailoverClients.Sender("127.0.0.1:" + rabbit.port(), "/queue/rmq-alo", n,
                new ConnectionOptions());
        FailoverClients.await(FailoverClients.run(new Container(sender)), 60, sender);
        assertTrue(sender.toString(), sender.allAccepted());
        assertEquals(sender.toString(), n, sender.sends);
        FailoverClients.Receiver receiver = new FailoverClients.Receiver("127.0.0.1:" + rabbit.port(), "/queue/rmq-alo", n,
                new ConnectionOptions(), 1000, 0).withoutDrain();
        FailoverClients.await(FailoverClients.run(new Container(receiver)), 60, receiver);
        assertTrue(receiver.toString(), receiver.allAccepted());
        assertEquals("no duplicates without a failure: " + receiver, n, receiver.deliveries);
        assertEquals("nothing left", 0, queueDepth("rmq-alo"));
    }

    /** @return the messages in a queue, as rabbitmqctl counts them (RabbitMQ 3.10 cannot drain a receiver) */
    private static int queueDepth(String queue) throws Exception {
        for (String line : rabbit.ctl("list_queues", "-q", "--no-table-headers", "name", "messages")) {
            String[] f = line.trim().split("\\s+");
            if (f.length == 2 && f[0].equals(queue)) {
                return Integer.parseInt(f[1]);
            }
        }
        throw new AssertionError("no queue " + queue);
    }

    /**
     * RabbitMQ restarts (stop_app, start_app: every connection drops, durable queues and durable
     * messages stay; a {@code /queue/NAME} queue is durable if the link's terminus asked for it) while a reconnecting sender sends 30,000 durable messages at least once; what
     * was unaccepted when the connection dropped is sent again. Every accepted message is there after.
     */
    @Test
    public void senderReconnectsAcrossARestart() throws Exception {
        int n = 30_000;
        String url = "127.0.0.1:" + rabbit.port();
        // a durable target: RabbitMQ declares /queue/NAME durable only then (else the restart deletes it)
        FailoverClients.Sender sender = new FailoverClients.Sender(url, "/queue/rmq-restart", n,
                FailoverClients.reconnecting(List.of())).durableTerminus().holdUntilReconnected(n / 2);
        java.util.concurrent.CompletableFuture<Void> sending = FailoverClients.run(new Container(sender));
        sender.halfway.get(60, java.util.concurrent.TimeUnit.SECONDS);
        rabbit.ctl("stop_app");
        rabbit.ctl("start_app");
        FailoverClients.await(sending, 60, sender);
        FailoverClients.Receiver receiver = new FailoverClients.Receiver(url, "/queue/rmq-restart", n,
                new ConnectionOptions(), 1000, 0).withoutDrain().durableTerminus();
        FailoverClients.await(FailoverClients.run(new Container(receiver)), 60, receiver);
        System.out.println("[rabbitmq restart] " + sender + "; " + receiver + "; " + queueDepth("rmq-restart")
                + " more duplicates left in the queue");
        assertTrue("reconnected: " + sender, sender.reconnects >= 1);
        assertTrue(sender.toString(), sender.allAccepted());
        assertTrue("every accepted message is there after the restart: " + receiver, receiver.allAccepted());
    }
}
