package io.jproton.compat;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import io.jproton.Connection;
import io.jproton.ConnectionOptions;
import io.jproton.Container;
import io.jproton.Delivery;
import io.jproton.ErrorCondition;
import io.jproton.Listener;
import io.jproton.ListenHandler;
import io.jproton.Message;
import io.jproton.MessagingHandler;
import io.jproton.ReconnectOptions;
import io.jproton.Sender;
import io.jproton.Tracker;
import io.jproton.Transport;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.junit.Test;

/** Reconnect: a lost client connection comes back, with its links, and nothing it sent unconfirmed is lost. */
public class ReconnectTest {
    private static final int TOTAL = 20;

    @Test
    public void aCutConnectionReconnectsAndReopensItsSender() throws Exception {
        cutAndReconnect(false);
    }

    @Test
    public void reconnectSwitchedOnLaterWithUpdateOptions() throws Exception {
        cutAndReconnect(true);
    }

    private void cutAndReconnect(boolean viaUpdateOptions) throws Exception {
        TreeSet<Object> received = new TreeSet<>();
        List<String> clientEvents = new ArrayList<>();
        MessagingHandler server = new MessagingHandler() {
            @Override
            public void onMessage(Delivery d, Message m) {
                received.add(m.body());
            }

            @Override
            public void onError(ErrorCondition c) {
                // the cut connection's server side ends with a transport error: expected here
            }
        };
        CuttableProxy[] proxy = new CuttableProxy[1];
        Listener[] listener = new Listener[1];
        MessagingHandler client = new MessagingHandler() {
            int sent;
            int confirmed;
            boolean cut;

            @Override
            public void onConnectionOpen(Connection c) {
                clientEvents.add("open reconnected=" + c.reconnected());
                if (viaUpdateOptions && !c.reconnected()) {
                    c.updateOptions(new ConnectionOptions().reconnect(new ReconnectOptions().delay(Duration.ofMillis(5))));
                }
                if (c.reconnected()) {
                    sent = confirmed; // resend what was not confirmed, as simple_send does
                }
            }

            @Override
            public void onSendable(Sender s) {
                while (s.credit() > 0 && sent < TOTAL) {
                    s.send(new Message(sent++));
                }
            }

            @Override
            public void onTrackerAccept(Tracker t) {
                confirmed++;
                if (confirmed == TOTAL / 2 && !cut) {
                    cut = true;
                    proxy[0].cutAll();
                } else if (confirmed == TOTAL) {
                    t.connection().close();
                }
            }

            @Override
            public void onTransportError(Transport t) {
                clientEvents.add("transport_error");
            }

            @Override
            public void onTransportClose(Transport t) {
                clientEvents.add("transport_close");
                listener[0].stop();
            }
        };
        Run.bounded(new Container(new MessagingHandler() {
            @Override
            public void onContainerStart(Container c) {
                listener[0] = c.listen("127.0.0.1:0", new ListenHandler() {
                    @Override
                    public ConnectionOptions onAccept(Listener l) {
                        return new ConnectionOptions().handler(server);
                    }
                });
                try {
                    proxy[0] = new CuttableProxy(listener[0].port());
                } catch (java.io.IOException e) {
                    throw new AssertionError(e);
                }
                ConnectionOptions co = new ConnectionOptions().handler(client);
                if (!viaUpdateOptions) {
                    co.reconnect(new ReconnectOptions().delay(Duration.ofMillis(5)));
                }
                c.connect("127.0.0.1:" + proxy[0].port(), co).openSender("reconnect-q");
            }
        }));
        assertEquals(List.of("open reconnected=false", "open reconnected=true", "transport_close"), clientEvents);
        assertEquals("every message arrived", TOTAL, received.size());
        assertTrue(proxy[0].accepted() >= 2);
        proxy[0].close();
    }

    /**
     * An open connection cut (the peer stays down): {@code maxAttempts(3)} means three attempts,
     * counted from the loss, each a TCP connect the proxy sees, then the error. (The lost transport
     * still reads as open until the first attempt replaces it; that once restarted the count, which
     * made a fourth attempt and repeated the first delay.)
     */
    @Test
    public void afterTheLossOfAnOpenConnectionMaxAttemptsCountsEachAttemptOnce() throws Exception {
        CuttableProxy[] proxy = new CuttableProxy[1];
        Listener[] listener = new Listener[1];
        List<String> events = new ArrayList<>();
        Run.bounded(new Container(new MessagingHandler() {
            @Override
            public void onContainerStart(Container c) {
                listener[0] = c.listen("127.0.0.1:0");
                try {
                    proxy[0] = new CuttableProxy(listener[0].port());
                } catch (java.io.IOException e) {
                    throw new AssertionError(e);
                }
                c.connect("127.0.0.1:" + proxy[0].port(), new ConnectionOptions().handler(new MessagingHandler() {
                    @Override
                    public void onConnectionOpen(Connection conn) {
                        events.add("open");
                        proxy[0].cutAndRefuse(); // accepted and dropped from now on: every attempt fails
                    }

                    @Override
                    public void onTransportError(Transport t) {
                        events.add("transport_error");
                        listener[0].stop();
                    }
                }).reconnect(new ReconnectOptions().delay(Duration.ofMillis(1)).maxAttempts(3)));
            }

            @Override
            public void onError(ErrorCondition e) {
                // the listener's side of the cut connection ends with a transport error: expected
            }
        }));
        assertEquals(List.of("open", "transport_error"), events);
        assertEquals("the first connect and three attempts", 4, proxy[0].connects());
        proxy[0].close();
    }

    @Test
    public void whenAttemptsRunOutTheConnectionEndsWithAnError() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        List<String> events = new ArrayList<>();
        Run.bounded(new Container(new MessagingHandler() {
            @Override
            public void onContainerStart(Container c) {
                c.connect("127.0.0.1:" + port, new ConnectionOptions()
                        .reconnect(new ReconnectOptions().delay(Duration.ofMillis(1)).maxAttempts(3)));
            }

            @Override
            public void onTransportError(Transport t) {
                events.add("transport_error");
            }

            @Override
            public void onTransportClose(Transport t) {
                events.add("transport_close");
            }
        }));
        assertEquals(List.of("transport_error", "transport_close"), events);
    }
}
