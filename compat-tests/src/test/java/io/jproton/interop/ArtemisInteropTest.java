package io.jproton.interop;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import io.jproton.examples.Client;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.Test;

/** Our examples against an embedded Apache Artemis broker (one broker for the class). */
public class ArtemisInteropTest {
    private static Artemis artemis;

    @BeforeClass
    public static void start() throws Exception {
        artemis = new Artemis();
    }

    @AfterClass
    public static void stop() throws Exception {
        if (artemis != null) {
            artemis.close();
        }
    }

    @Test
    public void simpleSendAndRecv() throws Exception {
        try (Proc send = Proc.start(Peers.ours("simple_send", "-a", artemis.url("artemis-q1"), "-m", "50"))) {
            assertEquals(List.of("all messages confirmed"), send.finish());
        }
        try (Proc recv = Proc.start(Peers.ours("simple_recv", "-a", artemis.url("artemis-q1"), "-m", "50"))) {
            assertEquals(Peers.sequenceLines(50), recv.finish());
        }
    }

    @Test
    public void helloworld() throws Exception {
        try (Proc hello = Proc.start(Peers.ours("helloworld", "127.0.0.1:" + artemis.port(), "artemis-hello"))) {
            assertEquals(List.of("Hello World!"), hello.finish());
        }
    }

    @Test
    public void clientAndServerWithATemporaryReplyQueue() throws Exception {
        try (Proc server = Proc.start(Peers.ours("server", "127.0.0.1:" + artemis.port(), "artemis-requests"))) {
            server.await("Server connected");
            try (Proc client = Proc.start(Peers.ours("client", "-a", artemis.url("artemis-requests")))) {
                List<String> expected = new ArrayList<>();
                for (String r : Client.REQUESTS) {
                    expected.add(r + " => " + r.toUpperCase(Locale.ROOT));
                }
                assertEquals(expected, client.finish());
            }
        }
    }

    @Test
    public void cppSenderToOurReceiverThroughArtemis() throws Exception {
        try (Proc send = Proc.start(Peers.cpp("simple_send", "-a", artemis.url("artemis-mixed"), "-m", "20"))) {
            assertTrue(send.finish().contains("all messages confirmed"));
        }
        try (Proc recv = Proc.start(Peers.ours("simple_recv", "-a", artemis.url("artemis-mixed"), "-m", "20"))) {
            assertEquals(Peers.sequenceLines(20), recv.finish());
        }
    }

    @Test
    public void selectorsAndBrowsing() throws Exception {
        String url = artemis.url("artemis-colours");
        try (Proc send = Proc.start(Peers.ours("colour_send", "-a", url, "-m", "10"))) {
            assertEquals(List.of("all messages confirmed"), send.finish());
        }
        try (Proc selected = Proc.start(Peers.ours("selected_recv", "127.0.0.1:" + artemis.port(), "artemis-colours"))) {
            for (int i = 1; i <= 9; i += 2) {
                assertEquals("green " + i, selected.await("(green \\d+|red \\d+)"));
            }
        }
        try (Proc browser = Proc.start(Peers.ours("queue_browser", "127.0.0.1:" + artemis.port(), "artemis-colours"))) {
            for (int i = 2; i <= 10; i += 2) {
                assertEquals("red " + i, browser.await("(green \\d+|red \\d+)"));
            }
        }
        try (Proc again = Proc.start(Peers.ours("queue_browser", "127.0.0.1:" + artemis.port(), "artemis-colours"))) {
            assertEquals("browsing did not consume", "red 2", again.await("(green \\d+|red \\d+)"));
        }
    }

    @Test
    public void simpleConnectOpensAndCloses() throws Exception {
        // -i: PLAIN in clear to this test broker (no TLS); without it the client would fall back to ANONYMOUS
        try (Proc p = Proc.start(Peers.ours("simple_connect", "-a", artemis.url("x"), "-u", "guest", "-p", "guest", "-i",
                "-m", "PLAIN"))) {
            assertEquals(List.of(), p.finish());
        }
    }

    @Test
    public void reconnectClientAcrossABrokerRestart() throws Exception {
        int port = artemis.port();
        try (Proc client = Proc.start(Peers.ours("reconnect_client", "127.0.0.1:" + port, "artemis-reconnect", "20"))) {
            client.await("\\{\"sequence\"=5\\}");
            artemis.close();
            artemis = new Artemis(port); // the same port: the client reconnects to it
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
