package io.jproton.compat;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import io.jproton.Connection;
import io.jproton.ConnectionOptions;
import io.jproton.Container;
import io.jproton.Delivery;
import io.jproton.ErrorCondition;
import io.jproton.Listener;
import io.jproton.Message;
import io.jproton.MessagingHandler;
import io.jproton.Receiver;
import io.jproton.ReceiverOptions;
import io.jproton.Sender;
import io.jproton.SenderOptions;
import io.jproton.Session;
import io.jproton.SessionOptions;
import io.jproton.SourceOptions;
import io.jproton.TargetOptions;
import io.jproton.Tracker;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.Test;

/**
 * The members a Proton C++ user looks for, as they show between two ends: container ids, the
 * peer's max sessions, a session opened with options, delivery tags chosen by the sender,
 * anonymous and dynamic termini with their properties, and reconnect turned on by a reconnect URL.
 * Both containers.
 */
public class CppApiOnTheWireTest {

    @Test
    public void whatOneEndSetsTheOtherSees() throws Exception {
        Map<String, Object> seen = new java.util.concurrent.ConcurrentHashMap<>();
        List<String> sessionHandler = new ArrayList<>();
        MessagingHandler forTheSession = new MessagingHandler() {
            @Override
            public void onReceiverOpen(Receiver r) {
                sessionHandler.add("receiver_open " + r.target().anonymous());
                r.open();
            }

            @Override
            public void onSenderOpen(Sender s) {
                sessionHandler.add("sender_open " + s.source().dynamic() + " " + s.source().dynamicProperties());
                s.open(new SenderOptions().source(new SourceOptions().address("made-here")));
            }

            @Override
            public void onMessage(Delivery d, Message m) {
                seen.put("delivery tag", d.tag());
                seen.put("transfer work queue", d.workQueue() == d.connection().workQueue());
                d.connection().close();
            }
        };
        MessagingHandler server = new MessagingHandler() {
            @Override
            public void onConnectionOpen(Connection c) {
                seen.put("container id", c.containerId());
                c.open();
            }

            @Override
            public void onSessionOpen(Session s) {
                s.open(new SessionOptions().handler(forTheSession)); // links of this session go to its handler
                seen.put("session bytes", s.incomingBytes() >= 0 && s.outgoingBytes() >= 0);
            }
        };
        MessagingHandler client = new MessagingHandler() {
            @Override
            public void onConnectionOpen(Connection c) {
                seen.put("max sessions", c.maxSessions());
                seen.put("link defaults", c.senderOptions() != null && c.receiverOptions() != null);
            }

            @Override
            public void onSendable(Sender s) {
                if (s.target().anonymous()) {
                    Tracker t = s.send(new Message("tagged").to("somewhere"), new byte[] {'t', 'a', 'g'});
                    seen.put("tracker tag", t.tag());
                }
            }

            @Override
            public void onError(ErrorCondition e) {
                // the server's close ends the test
            }
        };
        Run.bounded(new Container(new MessagingHandler() {
            @Override
            public void onContainerStart(Container c) {
                Listener l = Peer.listenOnce(c, server);
                Connection conn = c.connect(Peer.url(l), new ConnectionOptions().handler(client).containerId("the-client-id"));
                conn.openReceiver(null, new ReceiverOptions().source(new SourceOptions().dynamic(true)
                        .dynamicProperties(Map.of("lifetime-policy", "delete-on-close"))));
                conn.openSender(null, new SenderOptions().target(new TargetOptions().anonymous(true)));
            }
        }, "the-container-id"));
        assertEquals("the-client-id", seen.get("container id"));
        assertEquals("the peer's channel-max + 1", io.jproton.ConnectionOptions.DEFAULT_MAX_SESSIONS, seen.get("max sessions"));
        assertEquals(true, seen.get("link defaults"));
        assertEquals(true, seen.get("session bytes"));
        assertTrue(sessionHandler.toString(), sessionHandler.contains("receiver_open true"));
        assertTrue(sessionHandler.toString(), sessionHandler.contains("sender_open true {lifetime-policy=delete-on-close}"));
        assertArrayEquals("the sender's tag", new byte[] {'t', 'a', 'g'}, (byte[]) seen.get("tracker tag"));
        assertArrayEquals("the receiver sees it", new byte[] {'t', 'a', 'g'}, (byte[]) seen.get("delivery tag"));
        assertEquals(true, seen.get("transfer work queue"));
    }

    @Test
    public void aReconnectUrlTurnsReconnectOnAndIsWhereItGoes() throws Exception {
        List<String> events = new ArrayList<>();
        Run.bounded(new Container(new MessagingHandler() {
            CuttableProxy proxy;

            @Override
            public void onContainerStart(Container c) {
                Listener l = c.listen("127.0.0.1:0");
                try {
                    proxy = new CuttableProxy(l.port());
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
                c.connect("127.0.0.1:" + proxy.port(), new ConnectionOptions().reconnectUrl(Peer.url(l)).handler(new MessagingHandler() {
                    @Override
                    public void onConnectionOpen(Connection conn) {
                        events.add("open reconnected=" + conn.reconnected());
                        if (conn.reconnected()) {
                            conn.close();
                            l.stop();
                        } else {
                            proxy.cutAll(); // the first URL goes away: the reconnect URL takes over
                        }
                    }
                }));
            }

            @Override
            public void onTransportError(io.jproton.Transport t) {
                // the server side of the cut connection
            }
        }));
        assertEquals(List.of("open reconnected=false", "open reconnected=true"), events);
    }
}
