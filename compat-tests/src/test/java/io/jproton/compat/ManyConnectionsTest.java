package io.jproton.compat;

import static org.junit.Assert.assertEquals;

import io.jproton.Connection;
import io.jproton.ConnectionOptions;
import io.jproton.Container;
import io.jproton.Delivery;
import io.jproton.Listener;
import io.jproton.ListenHandler;
import io.jproton.Message;
import io.jproton.MessagingHandler;
import io.jproton.Sender;
import io.jproton.Tracker;
import io.jproton.Transport;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.Test;

/** Many connections in one container: every one opens, exchanges a message and closes cleanly. */
public class ManyConnectionsTest {
    private static final int CONNECTIONS = 500;

    @Test
    public void everyConnectionOpensExchangesAMessageAndClosesCleanly() throws Exception {
        // the handlers are shared by every connection: with run(4) their callbacks run on several threads at once
        AtomicInteger received = new AtomicInteger();
        AtomicInteger accepted = new AtomicInteger();
        AtomicInteger cleanClientCloses = new AtomicInteger();
        AtomicInteger cleanServerCloses = new AtomicInteger();
        AtomicInteger errors = new AtomicInteger();
        MessagingHandler server = new MessagingHandler() {
            @Override
            public void onMessage(Delivery d, Message m) {
                received.incrementAndGet();
            }

            @Override
            public void onTransportError(Transport t) {
                errors.incrementAndGet();
            }

            @Override
            public void onTransportClose(Transport t) {
                if (t.error() == null) {
                    cleanServerCloses.incrementAndGet();
                }
            }
        };
        MessagingHandler client = new MessagingHandler() {
            private final java.util.Set<Sender> sent = java.util.concurrent.ConcurrentHashMap.newKeySet();

            @Override
            public void onSendable(Sender s) {
                if (sent.add(s)) {
                    s.send(new Message("hello"));
                }
            }

            @Override
            public void onTrackerAccept(Tracker t) {
                accepted.incrementAndGet();
                t.connection().close();
            }

            @Override
            public void onTransportError(Transport t) {
                errors.incrementAndGet();
            }

            @Override
            public void onTransportClose(Transport t) {
                if (t.error() == null) {
                    cleanClientCloses.incrementAndGet();
                }
            }
        };
        Container c = new Container(new MessagingHandler() {
            int accepts;

            @Override
            public void onContainerStart(Container ct) {
                Listener l = ct.listen("127.0.0.1:0", new ListenHandler() {
                    @Override
                    public ConnectionOptions onAccept(Listener listener) {
                        if (++accepts == CONNECTIONS) {
                            listener.stop();
                        }
                        return new ConnectionOptions().handler(server);
                    }
                });
                for (int i = 0; i < CONNECTIONS; i++) {
                    Connection conn = ct.connect(Peer.url(l), new ConnectionOptions().handler(client));
                    conn.openSender("many");
                }
            }
        });
        Run.bounded(c);
        assertEquals(0, errors.get());
        assertEquals(CONNECTIONS, received.get());
        assertEquals(CONNECTIONS, accepted.get());
        assertEquals(CONNECTIONS, cleanClientCloses.get());
        assertEquals(CONNECTIONS, cleanServerCloses.get());
    }
}
