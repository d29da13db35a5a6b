package io.jproton.internal.io;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import io.jproton.Connection;
import io.jproton.ConnectionOptions;
import io.jproton.Container;
import io.jproton.ListenHandler;
import io.jproton.Listener;
import io.jproton.MessagingHandler;
import io.jproton.ReconnectOptions;
import io.jproton.Transport;
import io.jproton.UserStore;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;
import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.Test;

/**
 * What a connection's life tells the outside ({@link ConnectionEvents}): the JFR events with their
 * fields, and the INFO/WARN log lines a person acts on (a reconnect, an authentication failure, a
 * protocol error), never with a password. Three real connections on loopback, each on its own
 * container; one JFR recording and one capture of the log output (slf4j-simple writes to
 * {@code System.err}) around them all.
 */
public class ConnectionEventsTest {
    private static final String SECRET = "n0t-the-Passw0rd";
    private static final List<RecordedEvent> EVENTS = new ArrayList<>();
    private static String log;
    private static int deadPort;
    private static int reconnectListenerPort;
    private static int rawListenerPort;
    private static InetSocketAddress peerSeen;
    private static int goneServerPort;
    private static InetSocketAddress localSeen;

    @BeforeClass
    public static void runTheConnections() throws Exception {
        Path file = Files.createTempFile("jproton-events", ".jfr");
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream err = System.err;
        try (Recording recording = new Recording()) {
            for (String name : List.of("io.jproton.ConnectionOpened", "io.jproton.ConnectionClosed",
                    "io.jproton.Reconnect", "io.jproton.ProtocolError")) {
                recording.enable(name).withoutThreshold();
            }
            recording.start();
            System.setErr(new PrintStream(new TeeStream(err, captured), true, StandardCharsets.UTF_8));
            try {
                reconnectToFailoverUrl();
                authenticationFails();
                peerSendsGarbage();
                peerGoesAwayForGood();
            } finally {
                System.setErr(err);
            }
            recording.stop();
            recording.dump(file);
        }
        EVENTS.addAll(RecordingFile.readAllEvents(file));
        Files.delete(file);
        log = captured.toString(StandardCharsets.UTF_8);
    }

    @AfterClass
    public static void clear() {
        EVENTS.clear();
    }

    /** A client whose first URL refuses connections reconnects to its failover URL, opens, and closes. */
    private static void reconnectToFailoverUrl() throws Exception {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            deadPort = s.getLocalPort(); // closed below: connecting to it is refused
        }
        Container c = new Container(new MessagingHandler() {
            private Listener listener;
            private Connection client;

            @Override
            public void onContainerStart(Container container) {
                listener = container.listen("127.0.0.1:0");
                reconnectListenerPort = listener.port();
                client = container.connect("127.0.0.1:" + deadPort, new ConnectionOptions()
                        .reconnect(new ReconnectOptions().delay(Duration.ofMillis(10)))
                        .failoverUrls(List.of("127.0.0.1:" + reconnectListenerPort)));
            }

            @Override
            public void onConnectionOpen(Connection connection) {
                if (connection == client) {
                    Transport t = connection.transport();
                    peerSeen = t.peerAddress();
                    localSeen = t.localAddress();
                    connection.close();
                }
            }

            @Override
            public void onConnectionClose(Connection connection) {
                if (connection == client) {
                    listener.stop();
                }
            }
        });
        run(c);
    }

    /** A client with the wrong password is refused by a listener that authenticates (SCRAM). */
    private static void authenticationFails() throws Exception {
        UserStore users = new UserStore().add("alice", "right".toCharArray());
        Container c = new Container(new MessagingHandler() {
            private Listener listener;

            @Override
            public void onContainerStart(Container container) {
                listener = container.listen("127.0.0.1:0", new ConnectionOptions().authenticator(users));
                container.connect("alice:" + SECRET + "@127.0.0.1:" + listener.port(),
                        new ConnectionOptions().user("alice").password(SECRET));
            }

            @Override
            public void onTransportError(Transport t) {
                listener.stop(); // expected: the client is refused
            }
        });
        run(c);
    }

    /** A raw client sends bytes that are not AMQP: the listener's connection closes with a framing error. */
    private static void peerSendsGarbage() throws Exception {
        CompletableFuture<Integer> port = new CompletableFuture<>();
        Container c = new Container(new MessagingHandler() { });
        c.listen("127.0.0.1:0", new ListenHandler() {
            @Override
            public void onOpen(Listener listener) {
                port.complete(listener.port());
            }

            @Override
            public ConnectionOptions onAccept(Listener listener) {
                return new ConnectionOptions().handler(new MessagingHandler() {
                    @Override
                    public void onTransportError(Transport t) {
                        listener.stop();
                    }
                });
            }
        });
        CompletableFuture<Void> running = CompletableFuture.runAsync(c::run);
        rawListenerPort = port.get(30, TimeUnit.SECONDS);
        try (Socket raw = new Socket("127.0.0.1", rawListenerPort)) {
            raw.setSoTimeout(30_000);
            OutputStream out = raw.getOutputStream();
            out.write("GET / HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = raw.getInputStream();
            while (in.read() >= 0) {
                // until the listener's side closes
            }
        }
        running.get(30, TimeUnit.SECONDS);
    }

    /**
     * A client connected to a server container that then stops for good (closing its connections as
     * {@code amqp:connection:forced}, which a reconnecting client takes as a lost transport): the client, with at most
     * 3 reconnect attempts, makes attempts 1, 2 and 3 (each logged once) and gives up.
     */
    private static void peerGoesAwayForGood() throws Exception {
        CompletableFuture<Integer> port = new CompletableFuture<>();
        Container server = new Container(new MessagingHandler() {
            @Override
            public void onContainerStart(Container container) {
                port.complete(container.listen("127.0.0.1:0").port());
            }

            @Override
            public void onConnectionOpen(Connection connection) {
                // once the client is open the server goes away, as a broker shutting down: forced (a lost transport)
                connection.container().stop(new io.jproton.ErrorCondition("amqp:connection:forced", "shutting down"));
            }
        });
        CompletableFuture<Void> serving = CompletableFuture.runAsync(server::run);
        goneServerPort = port.get(30, TimeUnit.SECONDS);
        Container client = new Container(new MessagingHandler() {
            @Override
            public void onContainerStart(Container container) {
                container.connect("127.0.0.1:" + goneServerPort,
                        new ConnectionOptions().reconnect(new ReconnectOptions().delay(Duration.ofMillis(10)).maxAttempts(3)));
            }

            @Override
            public void onTransportError(Transport t) {
                // expected: given up
            }
        });
        run(client);
        serving.get(30, TimeUnit.SECONDS);
    }

    private static void run(Container c) throws Exception {
        CompletableFuture.runAsync(c::run).get(30, TimeUnit.SECONDS);
    }

    private static List<RecordedEvent> events(String name) {
        return EVENTS.stream().filter(e -> e.getEventType().getName().equals(name)).collect(Collectors.toList());
    }

    private static List<RecordedEvent> events(String name, int port) {
        return events(name).stream().filter(e -> String.valueOf(e.getString("peer")).endsWith(":" + port))
                .collect(Collectors.toList());
    }

    @Test
    public void theTransportShowsBothAddresses() {
        assertNotNull(peerSeen);
        assertEquals(reconnectListenerPort, peerSeen.getPort());
        assertNotNull(localSeen);
        assertTrue(localSeen.getPort() > 0);
    }

    @Test
    public void connectionOpenedEventsForBothEnds() {
        List<RecordedEvent> opened = events("io.jproton.ConnectionOpened", reconnectListenerPort);
        assertEquals("the client's open (the accepted side's peer is the client's port): " + opened, 1, opened.size());
        RecordedEvent e = opened.get(0);
        assertFalse(e.getBoolean("accepted"));
        assertNull(e.getString("tls"));
        assertNotNull(e.getString("containerId"));
        assertTrue("from the connect that succeeded to the open", e.getDuration().toNanos() > 0);
        List<RecordedEvent> accepted = events("io.jproton.ConnectionOpened").stream().filter(x -> x.getBoolean("accepted"))
                .collect(Collectors.toList());
        assertTrue("the listener's side opened too: " + accepted, accepted.stream()
                .anyMatch(x -> x.getString("local").endsWith(":" + reconnectListenerPort)));
    }

    @Test
    public void reconnectEventCountsTheAttempt() {
        List<RecordedEvent> reconnects = events("io.jproton.Reconnect");
        assertEquals(reconnects.toString(), 1, reconnects.size());
        RecordedEvent e = reconnects.get(0);
        assertEquals(1, e.getInt("attempts"));
        assertEquals("127.0.0.1:" + reconnectListenerPort, e.getString("peer"));
        assertTrue(e.getString("cause"), e.getString("cause").contains("127.0.0.1:" + deadPort));
    }

    @Test
    public void closedEventsCarryTheCondition() {
        List<RecordedEvent> clean = events("io.jproton.ConnectionClosed", reconnectListenerPort);
        assertEquals(clean.toString(), 1, clean.size());
        assertNull(clean.get(0).getString("condition"));
        assertTrue(events("io.jproton.ConnectionClosed").stream()
                .anyMatch(e -> "amqp:unauthorized-access".equals(e.getString("condition"))));
    }

    @Test
    public void protocolErrorEventForBytesThatAreNotAmqp() {
        List<RecordedEvent> errors = events("io.jproton.ProtocolError");
        assertEquals(errors.toString(), 1, errors.size());
        RecordedEvent e = errors.get(0);
        assertEquals("amqp:connection:framing-error", e.getString("condition"));
        assertFalse(e.getBoolean("remote"));
        assertTrue(e.getString("peer"), e.getString("peer").startsWith("127.0.0.1:"));
    }

    @Test
    public void aReconnectIsLoggedAtInfoWithItsTarget() {
        assertTrue(log, log.contains("INFO io.jproton.reconnect - connection to 127.0.0.1:" + deadPort
                + ": transport lost (proton:io: connect to 127.0.0.1:" + deadPort + " failed: Connection refused);"
                + " reconnect attempt 1 to 127.0.0.1:" + reconnectListenerPort + " in "));
        assertTrue(log, log.contains("INFO io.jproton.reconnect - connection to 127.0.0.1:" + reconnectListenerPort
                + ": reconnected after 1 attempt(s)"));
    }

    @Test
    public void eachAttemptAfterALossIsCountedOnceAndGivingUpIsAWarning() {
        String to = "INFO io.jproton.reconnect - connection to 127.0.0.1:" + goneServerPort + ": transport lost (";
        assertTrue(log, log.contains(to + "amqp:connection:forced: shutting down); reconnect attempt 1 to"));
        for (int attempt = 1; attempt <= 3; attempt++) {
            String line = "reconnect attempt " + attempt + " to 127.0.0.1:" + goneServerPort + " in ";
            assertEquals(line + " once:\n" + log, 1, log.lines().filter(l -> l.contains(to) && l.contains(line)).count());
        }
        assertFalse(log, log.contains("reconnect attempt 4 to 127.0.0.1:" + goneServerPort));
        assertTrue(log, log.contains("WARN io.jproton.reconnect - connection to 127.0.0.1:" + goneServerPort
                + ": giving up reconnecting after 3 attempts (ReconnectOptions.maxAttempts): proton:io: connect to 127.0.0.1:"
                + goneServerPort + " failed: Connection refused"));
    }

    @Test
    public void anAuthenticationFailureIsLoggedAtInfoWithoutTheSecret() {
        assertTrue(log, log.contains("INFO io.jproton.sasl - connection to 127.0.0.1:"));
        assertTrue(log, log.contains("Authentication failed [mech=SCRAM-SHA-")); // 512 or 256: the strongest both offer
        assertFalse("the password or the URL's user-info appears in the log:\n" + log, log.contains(SECRET));
    }

    @Test
    public void aProtocolErrorIsLoggedAtWarnWithThePeer() {
        assertTrue(log, log.contains("WARN io.jproton.connection - connection from 127.0.0.1:"));
        assertTrue(log, log.contains(": closed with amqp:connection:framing-error"));
    }

    /** Writes to two streams: what the test captures, and the real stderr. */
    private static final class TeeStream extends OutputStream {
        private final OutputStream a;
        private final OutputStream b;

        TeeStream(OutputStream a, OutputStream b) {
            this.a = a;
            this.b = b;
        }

        @Override
        public void write(int x) throws java.io.IOException {
            a.write(x);
            b.write(x);
        }

        @Override
        public void write(byte[] buf, int off, int len) throws java.io.IOException {
            a.write(buf, off, len);
            b.write(buf, off, len);
        }
    }
}
