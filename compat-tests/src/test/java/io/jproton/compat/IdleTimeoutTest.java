package io.jproton.compat;

import static org.junit.Assert.assertEquals;

import io.jproton.Connection;
import io.jproton.ConnectionOptions;
import io.jproton.Container;
import io.jproton.MessagingHandler;
import java.time.Duration;
import java.util.List;
import org.junit.Test;

/**
 * Idle timeouts on real sockets and the real clock. The timing itself is tested on a fake clock
 * ({@code ConnectionEngineTest}); here the margins are wide enough for a loaded 2-core machine: a
 * 1 s timeout has heartbeats every 500 ms.
 */
public class IdleTimeoutTest {

    @Test
    public void heartbeatsKeepAnIdleConnectionOpen() throws Exception {
        Recorder client = new Recorder() {
            @Override
            public void onConnectionOpen(Connection c) {
                super.onConnectionOpen(c);
                // idle for several timeout periods, then close normally
                c.container().schedule(Duration.ofMillis(3500), c::close);
            }
        };
        Recorder server = new Recorder();
        Run.bounded(new Container(new MessagingHandler() {
            @Override
            public void onContainerStart(Container c) {
                c.serverConnectionOptions(new ConnectionOptions().idleTimeout(Duration.ofSeconds(1)));
                c.connect(Peer.url(Peer.listenOnce(c, server)),
                        new ConnectionOptions().handler(client).idleTimeout(Duration.ofSeconds(1)));
            }
        }));
        assertEquals(List.of("transport_open", "connection_open", "connection_close", "transport_close"), client.events());
        assertEquals(List.of("transport_open", "connection_open", "connection_close", "transport_close"), server.events());
    }

    @Test
    public void aPeerThatFallsSilentIsDetected() throws Exception {
        Recorder client = new Recorder();
        io.jproton.ErrorCondition[] error = {null};
        try (java.net.ServerSocket raw = new java.net.ServerSocket(0)) {
            Thread peer = new Thread(() -> silentPeer(raw), "silent-peer");
            peer.setDaemon(true);
            peer.start();
            Run.bounded(new Container(new MessagingHandler() {
                @Override
                public void onContainerStart(Container c) {
                    c.connect("127.0.0.1:" + raw.getLocalPort(), new ConnectionOptions().saslEnabled(false)
                            .idleTimeout(Duration.ofSeconds(1)).handler(new Recorder() {
                                @Override
                                public void record(String e) {
                                    client.record(e);
                                }

                                @Override
                                public void onTransportError(io.jproton.Transport t) {
                                    error[0] = t.error();
                                    super.onTransportError(t);
                                }
                            }));
                }
            }));
        }
        assertEquals(List.of("transport_open", "connection_open", "transport_error", "transport_close"), client.events());
        org.junit.Assert.assertTrue(String.valueOf(error[0]), String.valueOf(error[0]).contains("idle-timeout"));
    }

    /**
     * Answers the AMQP header and open once (no idle timeout of its own), then never writes again:
     * a server-side {@link io.jproton.ConnectionEngine} fed from a plain socket.
     */
    private static void silentPeer(java.net.ServerSocket raw) {
        try (java.net.Socket s = raw.accept()) {
            io.jproton.ConnectionEngine engine = new io.jproton.ConnectionEngine(new MessagingHandler() { },
                    new ConnectionOptions().saslEnabled(false), true);
            engine.dispatch();
            byte[] buf = new byte[4096];
            java.io.InputStream in = s.getInputStream();
            boolean answered = false;
            int n;
            while ((n = in.read(buf)) > 0) {
                if (answered) {
                    continue; // silent from now on
                }
                int off = 0;
                java.nio.ByteBuffer into;
                while (off < n && (into = engine.readBuffer()) != null) {
                    int k = Math.min(into.remaining(), n - off);
                    into.put(buf, off, k);
                    engine.readDone(k);
                    off += k;
                }
                engine.dispatch();
                java.nio.ByteBuffer out;
                while ((out = engine.writeBuffer()) != null) {
                    byte[] bytes = new byte[out.remaining()];
                    out.duplicate().get(bytes);
                    s.getOutputStream().write(bytes);
                    engine.writeDone(bytes.length);
                }
                s.getOutputStream().flush();
                answered = engine.connection().active();
            }
        } catch (java.io.IOException e) {
            // the client closed the socket, as it should
        }
    }
}
