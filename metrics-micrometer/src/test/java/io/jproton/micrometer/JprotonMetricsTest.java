package io.jproton.micrometer;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import io.jproton.Connection;
import io.jproton.ConnectionOptions;
import io.jproton.Container;
import io.jproton.Delivery;
import io.jproton.Listener;
import io.jproton.Message;
import io.jproton.MessagingHandler;
import io.jproton.Receiver;
import io.jproton.ReceiverOptions;
import io.jproton.ReconnectOptions;
import io.jproton.Sender;
import io.jproton.Tracker;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.junit.Test;

/**
 * The meters of {@link JprotonMetrics} count what really happened, on the container the Surefire
 * execution names (both run): real connections on loopback, a client and the listener that
 * accepts it in one container. Gauges are read while things are open (from a callback) and again
 * once everything closed, when each must be back to 0.
 */
public class JprotonMetricsTest {
    private static final int MESSAGES = 5;

    private static double gauge(SimpleMeterRegistry r, String name) {
        return r.get(name).gauge().value();
    }

    private static double counter(SimpleMeterRegistry r, String name) {
        return r.get(name).functionCounter().count();
    }

    private static double outcome(SimpleMeterRegistry r, String outcome) {
        return r.get("jproton.messages.outcome").tag("outcome", outcome).functionCounter().count();
    }

    private static void run(Container c) throws Exception {
        CompletableFuture.runAsync(c::run).get(60, TimeUnit.SECONDS);
    }

    private static void assertAllClosed(SimpleMeterRegistry r) {
        for (String g : List.of("jproton.connections", "jproton.sessions", "jproton.links", "jproton.senders.starved",
                "jproton.work.queued")) {
            assertEquals(g + " once everything closed", 0.0, gauge(r, g), 0.0);
        }
    }

    /** Five messages to a listener in the same container, each accepted; then the connection closes. */
    @Test
    public void messagesOutcomesBytesAndOpenEndpoints() throws Exception {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        Map<String, Double> whileOpen = new ConcurrentHashMap<>();
        Container c = new Container(new MessagingHandler() {
            private Listener listener;
            private int sent;
            private int accepted;

            @Override
            public void onContainerStart(Container container) {
                listener = container.listen("127.0.0.1:0");
                container.openSender("127.0.0.1:" + listener.port() + "/q");
            }

            @Override
            public void onSendable(Sender s) {
                while (s.credit() > 0 && sent < MESSAGES) {
                    s.send(new Message("m" + sent++));
                }
            }

            @Override
            public void onTrackerAccept(Tracker t) {
                if (++accepted == MESSAGES) {
                    for (String g : List.of("jproton.connections", "jproton.sessions", "jproton.links")) {
                        whileOpen.put(g, gauge(registry, g));
                    }
                    t.connection().close();
                }
            }

            @Override
            public void onConnectionClose(Connection connection) {
                listener.stop();
            }
        });
        new JprotonMetrics(c).bindTo(registry);
        run(c);

        assertEquals("the container the Surefire execution names", System.getProperty("jproton.container"), c.provider());
        assertEquals("the client's connection and the one the listener accepted", 2.0, whileOpen.get("jproton.connections"), 0.0);
        assertEquals(2.0, whileOpen.get("jproton.sessions"), 0.0);
        assertEquals("the sender and the receiver the listener's side opened", 2.0, whileOpen.get("jproton.links"), 0.0);
        assertEquals(MESSAGES, counter(registry, "jproton.messages.sent"), 0.0);
        assertEquals(MESSAGES, counter(registry, "jproton.messages.received"), 0.0);
        assertEquals(MESSAGES, outcome(registry, "accepted"), 0.0);
        assertEquals(0.0, outcome(registry, "rejected") + outcome(registry, "released") + outcome(registry, "modified"), 0.0);
        double in = counter(registry, "jproton.bytes.in");
        double out = counter(registry, "jproton.bytes.out");
        assertTrue("bytes in " + in, in > MESSAGES * 10);
        assertEquals("one container holds both ends: what one wrote, the other read", out, in, 0.0);
        assertEquals(0.0, counter(registry, "jproton.reconnects"), 0.0);
        assertEquals(c.id(), registry.get("jproton.connections").gauge().getId().getTag("container.id"));
        assertAllClosed(registry);
    }

    /**
     * A receiver that gives 3 credit and no more: the sender is starved once it sent 3, and stays
     * so; a work item counts as queued until it runs.
     */
    @Test
    public void starvedSendersAndQueuedWork() throws Exception {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        Map<String, Double> seen = new ConcurrentHashMap<>();
        Container c = new Container(new MessagingHandler() {
            private Listener listener;
            private int accepted;

            @Override
            public void onContainerStart(Container container) {
                listener = container.listen("127.0.0.1:0", new ConnectionOptions().handler(new MessagingHandler() {
                    @Override
                    public void onReceiverOpen(Receiver r) {
                        r.addCredit(3);
                    }
                }));
                container.receiverOptions(new ReceiverOptions().creditWindow(0));
                container.openSender("127.0.0.1:" + listener.port() + "/q");
            }

            @Override
            public void onSendable(Sender s) {
                while (s.credit() > 0) {
                    s.send(new Message("x"));
                }
            }

            @Override
            public void onTrackerAccept(Tracker t) {
                if (++accepted == 3) {
                    seen.put("starved", gauge(registry, "jproton.senders.starved"));
                    Connection conn = t.connection();
                    conn.workQueue().add(() -> {
                        seen.put("queued while running", gauge(registry, "jproton.work.queued"));
                        conn.close();
                    });
                    seen.put("queued", gauge(registry, "jproton.work.queued"));
                }
            }

            @Override
            public void onConnectionClose(Connection connection) {
                listener.stop();
            }
        });
        new JprotonMetrics(c).bindTo(registry);
        run(c);

        assertEquals(1.0, seen.get("starved"), 0.0);
        assertEquals(1.0, seen.get("queued"), 0.0);
        assertEquals("counted until it has run", 1.0, seen.get("queued while running"), 0.0);
        assertEquals(3.0, counter(registry, "jproton.messages.sent"), 0.0);
        assertAllClosed(registry);
    }

    /** Closing a session (not its links) takes its links off the gauge too, while the connection stays open. */
    @Test
    public void aClosedSessionTakesItsLinksWithIt() throws Exception {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        Map<String, Double> seen = new ConcurrentHashMap<>();
        Container c = new Container(new MessagingHandler() {
            private Listener listener;
            private Connection client;

            @Override
            public void onContainerStart(Container container) {
                listener = container.listen("127.0.0.1:0");
                client = container.connect("127.0.0.1:" + listener.port());
                client.openSession().openSender("q");
            }

            @Override
            public void onSenderOpen(Sender s) {
                if (s.connection() == client) {
                    seen.put("links while open", gauge(registry, "jproton.links"));
                    s.session().close();
                }
            }

            @Override
            public void onSessionClose(io.jproton.Session session) {
                if (session.connection() == client) {
                    seen.put("links", gauge(registry, "jproton.links"));
                    seen.put("sessions", gauge(registry, "jproton.sessions"));
                    seen.put("connections", gauge(registry, "jproton.connections"));
                    client.close();
                    listener.stop();
                }
            }
        });
        new JprotonMetrics(c).bindTo(registry);
        run(c);

        assertEquals(2.0, seen.get("links while open"), 0.0);
        assertEquals("both ends' sessions closed, and their links with them", 0.0, seen.get("links"), 0.0);
        assertEquals(0.0, seen.get("sessions"), 0.0);
        assertEquals("the connections are still open", 2.0, seen.get("connections"), 0.0);
        assertAllClosed(registry);
    }

    /** A client whose first address refuses connections reconnects to its failover URL: one reconnect, one connection. */
    @Test
    public void reconnects() throws Exception {
        int dead;
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            dead = s.getLocalPort(); // closed below: connecting to it is refused
        }
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        Map<String, Double> seen = new ConcurrentHashMap<>();
        Container c = new Container(new MessagingHandler() {
            private Listener listener;
            private Connection client;

            @Override
            public void onContainerStart(Container container) {
                listener = container.listen("127.0.0.1:0");
                client = container.connect("127.0.0.1:" + dead, new ConnectionOptions()
                        .reconnect(new ReconnectOptions().delay(Duration.ofMillis(10)))
                        .failoverUrls(List.of("127.0.0.1:" + listener.port())));
                client.openReceiver("q");
            }

            @Override
            public void onReceiverOpen(Receiver r) {
                if (r.connection() == client) {
                    seen.put("links", gauge(registry, "jproton.links"));
                    client.close();
                }
            }

            @Override
            public void onMessage(Delivery d, Message m) {
            }

            @Override
            public void onConnectionClose(Connection connection) {
                if (connection == client) {
                    listener.stop();
                }
            }
        });
        new JprotonMetrics(c).bindTo(registry);
        run(c);

        assertEquals(1.0, counter(registry, "jproton.reconnects"), 0.0);
        assertEquals("the client's receiver and the listener's sender, once each (not again for the attempt that failed)",
                2.0, seen.get("links"), 0.0);
        assertAllClosed(registry);
    }
}
