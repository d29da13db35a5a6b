package io.jproton.compat;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import io.jproton.Connection;
import io.jproton.Container;
import io.jproton.MessagingHandler;
import io.jproton.Transport;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.Test;

/** stop(), auto-stop, and stop inside onContainerStart (Proton C++ PROTON-1628). */
public class StopTest {

    @Test
    public void stopInsideContainerStartReturns() throws Exception {
        Recorder r = new Recorder() {
            @Override
            public void onContainerStart(Container c) {
                super.onContainerStart(c);
                c.listen("127.0.0.1:0");
                c.stop();
            }
        };
        Run.bounded(new Container(r));
        assertEquals(List.of("container_start", "container_stop"), r.events());
    }

    @Test
    public void autoStopReturnsWhenNothingIsLeft() throws Exception {
        Recorder r = new Recorder();
        Run.bounded(new Container(r));
        assertEquals(List.of("container_start", "container_stop"), r.events());
    }

    @Test
    public void withoutAutoStopRunWaitsForStop() throws Exception {
        List<String> events = new ArrayList<>();
        Container c = new Container(new MessagingHandler() {
            @Override
            public void onContainerStart(Container c) {
                events.add("start");
                c.schedule(Duration.ofMillis(30), () -> {
                    events.add("timer");
                    c.schedule(Duration.ofMillis(30), () -> {
                        events.add("stopping");
                        c.stop();
                    });
                });
            }

            @Override
            public void onContainerStop(Container c) {
                events.add("stop");
            }
        });
        c.autoStop(false);
        Run.bounded(c);
        assertEquals(List.of("start", "timer", "stopping", "stop"), events);
    }

    @Test
    public void stopClosesOpenConnectionsAndListeners() throws Exception {
        List<String> closed = new ArrayList<>();
        MessagingHandler quiet = new MessagingHandler() {
            @Override
            public void onTransportClose(Transport t) {
                closed.add("server");
            }
        };
        Container c = new Container(new MessagingHandler() {
            @Override
            public void onContainerStart(Container c) {
                c.listen("127.0.0.1:0"); // a second listener that only stop() closes
                c.connect(Peer.url(Peer.listen(c, quiet))).openSender("q");
            }

            @Override
            public void onSendable(io.jproton.Sender s) {
                s.container().stop();
            }

            @Override
            public void onTransportClose(Transport t) {
                closed.add("client");
            }
        });
        Run.bounded(c);
        assertTrue(closed.contains("client"));
        assertTrue(closed.contains("server"));
    }

    /**
     * Once {@code run()} has returned, nothing of the container holds a socket: its listener's port
     * refuses connections (a listening socket left open would accept them into its backlog, and a
     * reconnecting client would hang there), whether the listener was stopped or the container was.
     */
    @Test
    public void aFinishedContainerLeavesNoListeningSocket() throws Exception {
        int[] ports = new int[2];
        Container c = new Container(new MessagingHandler() {
            @Override
            public void onContainerStart(Container c) {
                io.jproton.Listener stopped = c.listen("127.0.0.1:0");
                ports[0] = stopped.port();
                stopped.stop();
                ports[1] = c.listen("127.0.0.1:0").port();
                c.schedule(Duration.ofMillis(1), c::stop);
            }
        });
        Run.bounded(c);
        for (int port : ports) {
            try (java.net.Socket s = new java.net.Socket()) {
                s.connect(new java.net.InetSocketAddress("127.0.0.1", port), 10_000);
                fail("port " + port + " still accepts connections after run() returned");
            } catch (java.net.ConnectException expected) {
                // refused: the socket is closed
            }
        }
    }

    @Test
    public void connectAfterStopIsRefused() throws Exception {
        String[] message = {null};
        Container c = new Container(new MessagingHandler() {
            @Override
            public void onContainerStart(Container c) {
                c.stop();
                try {
                    c.connect("127.0.0.1:1");
                    fail("connect after stop must throw");
                } catch (IllegalStateException e) {
                    message[0] = e.getMessage();
                }
            }
        });
        Run.bounded(c);
        assertEquals("container is stopping", message[0]);
    }

    @Test
    public void connectionsClosedByThePeerEndRun() throws Exception {
        List<String> events = new ArrayList<>();
        MessagingHandler server = new MessagingHandler() {
            @Override
            public void onConnectionOpen(Connection c) {
                c.close();
            }
        };
        MessagingHandler client = new MessagingHandler() {
            @Override
            public void onConnectionClose(Connection c) {
                events.add("closed by peer");
            }
        };
        Peer.pair(client, server, c -> { });
        assertEquals(List.of("closed by peer"), events);
    }
}
