package io.jproton.compat;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertSame;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import io.jproton.Connection;
import io.jproton.Container;
import io.jproton.ErrorCondition;
import io.jproton.MessagingHandler;
import io.jproton.ProtonException;
import io.jproton.Transport;
import java.net.ServerSocket;
import org.junit.Test;

/** A callback that throws, a peer that is not there, a bad URL: clear errors, no hung run(). */
public class ErrorHandlingTest {

    @Test
    public void aThrowingCallbackStopsTheContainerAndRunThrowsIt() throws Exception {
        RuntimeException boom = new RuntimeException("boom");
        Container c = new Container(new MessagingHandler() {
            @Override
            public void onContainerStart(Container c) {
                c.connect(Peer.url(Peer.listen(c, new MessagingHandler() { })));
            }

            @Override
            public void onConnectionOpen(Connection conn) {
                throw boom;
            }
        });
        try {
            Run.bounded(c);
            fail("run() must throw the callback's exception");
        } catch (RuntimeException e) {
            assertSame(boom, e);
        }
    }

    @Test
    public void connectionRefusedReachesOnErrorAndRunThrows() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        String url = "127.0.0.1:" + port;
        Container c = new Container(new MessagingHandler() {
            @Override
            public void onContainerStart(Container c) {
                c.connect(url);
            }
        });
        try {
            Run.bounded(c);
            fail("the default onError throws");
        } catch (ProtonException e) {
            assertTrue(e.getMessage(), e.getMessage().contains("proton:io"));
        }
    }

    @Test
    public void transportErrorThenCloseWhenHandled() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Recorder r = new Recorder();
        ErrorCondition[] err = {null};
        int finalPort = port;
        Container c = new Container(new Recorder() {
            @Override
            public void onContainerStart(Container c) {
                c.connect("127.0.0.1:" + finalPort);
            }

            @Override
            public void onTransportError(Transport t) {
                err[0] = t.error();
                r.record("transport_error");
            }

            @Override
            public void onTransportClose(Transport t) {
                r.record("transport_close");
            }
        });
        Run.bounded(c);
        assertEquals(java.util.List.of("transport_error", "transport_close"), r.events());
        assertTrue(err[0].description(), err[0].description().toLowerCase().contains("refused"));
    }

    @Test
    public void badUrlsAreRejectedNamingTheBadPart() {
        Container c = new Container();
        String[][] cases = {
            {"amqp://host:port", "bad port 'port'"},
            {"http://host", "unknown scheme 'http'"},
            {"host:99999", "port 99999 out of range"},
            {"[::1", "unclosed '['"},
        };
        for (String[] tc : cases) {
            try {
                c.connect(tc[0]);
                fail("accepted bad URL " + tc[0]);
            } catch (IllegalArgumentException e) {
                assertTrue(e.getMessage() + " should mention " + tc[1], e.getMessage().contains(tc[1]));
            }
        }
    }

    @Test
    public void aPeerThatVanishesIsATransportError() throws Exception {
        Recorder client = new Recorder();
        try (ServerSocket raw = new ServerSocket(0)) {
            Thread peer = new Thread(() -> {
                try (java.net.Socket s = raw.accept()) {
                    s.getInputStream().read(new byte[8]); // read the protocol header, then vanish
                } catch (java.io.IOException e) {
                    // the test only needs the socket to close
                }
            }, "vanishing-peer");
            peer.setDaemon(true);
            peer.start();
            Container c = new Container(new MessagingHandler() {
                @Override
                public void onContainerStart(Container c) {
                    c.connect("127.0.0.1:" + raw.getLocalPort(), new io.jproton.ConnectionOptions().handler(client));
                }
            });
            Run.bounded(c);
        }
        assertTrue(client.events().toString(), client.events().contains("transport_error"));
        assertEquals("transport_close", client.events().get(client.events().size() - 1));
    }

    @Test
    public void aMalformedFrameIsATransportErrorOnTheServer() throws Exception {
        Recorder server = new Recorder();
        Container c = new Container(new MessagingHandler() {
            @Override
            public void onContainerStart(Container c) {
                io.jproton.Listener l = Peer.listenOnce(c, server);
                Thread garbage = new Thread(() -> {
                    try (java.net.Socket s = new java.net.Socket("127.0.0.1", l.port())) {
                        s.getOutputStream().write("GET / HTTP/1.1\r\n\r\n".getBytes());
                        s.getOutputStream().flush();
                        s.getInputStream().readAllBytes();
                    } catch (java.io.IOException e) {
                        // the server may reset the socket; the assertion is on the server's events
                    }
                }, "garbage-peer");
                garbage.setDaemon(true);
                garbage.start();
            }
        });
        Run.bounded(c);
        assertTrue(server.events().toString(), server.events().contains("transport_error"));
        assertEquals("transport_close", server.events().get(server.events().size() - 1));
    }
}
