package io.jproton.compat;

import static org.junit.Assert.assertEquals;

import io.jproton.Connection;
import io.jproton.ConnectionOptions;
import io.jproton.Container;
import io.jproton.Delivery;
import io.jproton.ErrorCondition;
import io.jproton.ListenHandler;
import io.jproton.Listener;
import io.jproton.Message;
import io.jproton.MessagingHandler;
import io.jproton.Receiver;
import io.jproton.ReceiverOptions;
import io.jproton.Sender;
import io.jproton.Tracker;
import io.jproton.Transport;
import io.jproton.examples.SimpleSend;
import java.util.Map;
import java.util.TreeSet;
import org.junit.Test;

/**
 * The resend pattern of {@code simple_send -r} (and of the README's failover section): after a
 * reconnect, every message whose tracker was not accepted when the connection was lost is sent
 * again, whatever order the acceptances came in. Here the receiving side accepts 1-4 and 6-10 but
 * holds 5 unaccepted when the connection is cut: a sender that resends from the count of accepted
 * messages (9) would never send 5 again.
 */
public class SimpleSendResendTest {
    private static final int TOTAL = 20;

    @Test
    public void everyUnacceptedMessageIsSentAgainAfterAReconnect() throws Exception {
        TreeSet<Integer> stored = new TreeSet<>();
        boolean[] held = {false};
        MessagingHandler server = new MessagingHandler() {
            @Override
            public void onReceiverOpen(Receiver r) {
                r.open(new ReceiverOptions().autoAccept(false));
            }

            @Override
            public void onMessage(Delivery d, Message m) {
                int n = ((Number) ((Map<?, ?>) m.body()).get("sequence")).intValue();
                if (n == 5 && !held[0]) {
                    held[0] = true; // never accepted on this connection
                    return;
                }
                d.accept();
                stored.add(n);
            }

            @Override
            public void onError(ErrorCondition c) {
                // the cut connection's server side ends with a transport error: expected here
            }
        };
        CuttableProxy[] proxy = new CuttableProxy[1];
        Listener[] listener = new Listener[1];
        int[] accepted = {0};
        SimpleSend[] send = new SimpleSend[1];
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
                send[0] = new SimpleSend("127.0.0.1:" + proxy[0].port() + "/resend-q", "", "", TOTAL, true);
                send[0].onContainerStart(c);
            }

            @Override
            public void onConnectionOpen(Connection c) {
                send[0].onConnectionOpen(c);
            }

            @Override
            public void onSendable(Sender s) {
                send[0].onSendable(s);
            }

            @Override
            public void onTrackerAccept(Tracker t) {
                send[0].onTrackerAccept(t);
                if (++accepted[0] == 9 && proxy[0].accepted() == 1) {
                    proxy[0].cutAll(); // 1-4 and 6-10 accepted, 5 not
                }
            }

            @Override
            public void onTransportClose(Transport t) {
                listener[0].stop(); // simple_send closed its connection: all confirmed
            }
        }));
        proxy[0].close();
        TreeSet<Integer> all = new TreeSet<>();
        for (int i = 1; i <= TOTAL; i++) {
            all.add(i);
        }
        assertEquals("every message stored once accepted, 5 too", all, stored);
        assertEquals("reconnected once", 2, proxy[0].accepted());
    }
}
