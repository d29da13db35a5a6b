package io.jproton.compat;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import io.jproton.Delivery;
import io.jproton.DeliveryMode;
import io.jproton.Message;
import io.jproton.Sender;
import io.jproton.SenderOptions;
import io.jproton.Tracker;
import io.jproton.Transfer;
import java.util.ArrayList;
import java.util.List;
import org.junit.Test;

/** At-most-once (pre-settled) and at-least-once (settled after the receiver's outcome). */
public class SettlementTest {
    static final int COUNT = 20;

    static class Client extends Recorder {
        final List<Tracker> trackers = new ArrayList<>();
        final List<Boolean> settledAtSend = new ArrayList<>();
        int sent;

        @Override
        public void onSendable(Sender s) {
            super.onSendable(s);
            while (s.credit() > 0 && sent < COUNT) {
                Tracker t = s.send(new Message("m" + sent++));
                trackers.add(t);
                settledAtSend.add(t.locallySettled());
            }
        }
    }

    static class Server extends Recorder {
        int received;
        /** Delivery.settled() as each message arrived: whether the sender had pre-settled it. */
        final List<Boolean> settledOnArrival = new ArrayList<>();

        @Override
        public void onMessage(Delivery d, Message m) {
            super.onMessage(d, m);
            settledOnArrival.add(d.settled());
            received++;
            if (received == COUNT) {
                d.connection().close();
            }
        }
    }

    @Test
    public void atMostOnceIsPresettledAndHasNoOutcomes() throws Exception {
        Client client = new Client();
        Server server = new Server();
        Peer.pair(client, server, c -> c.openSender("q", new SenderOptions().deliveryMode(DeliveryMode.AT_MOST_ONCE)));
        assertEquals(COUNT, server.received);
        assertEquals(COUNT, client.trackers.size());
        for (boolean b : client.settledAtSend) {
            assertTrue("a pre-settled tracker is settled when sent", b);
        }
        assertEquals(java.util.Collections.nCopies(COUNT, true), server.settledOnArrival);
        assertFalse(client.events().contains("tracker_accept"));
        assertFalse(client.events().contains("tracker_settle"));
    }

    @Test
    public void atLeastOnceReportsEveryAcceptAndSettle() throws Exception {
        Client client = new Client() {
            int settled;

            @Override
            public void onTrackerSettle(Tracker t) {
                super.onTrackerSettle(t);
                assertEquals(Transfer.State.ACCEPTED, t.state());
                if (++settled == COUNT) {
                    t.connection().close();
                }
            }
        };
        Server server = new Server() {
            @Override
            public void onMessage(Delivery d, Message m) {
                settledOnArrival.add(d.settled());
                received++;
            }
        };
        Peer.pair(client, server, c -> c.openSender("q", new SenderOptions().deliveryMode(DeliveryMode.AT_LEAST_ONCE)));
        assertEquals(COUNT, server.received);
        assertEquals(java.util.Collections.nCopies(COUNT, false), server.settledOnArrival);
        for (boolean b : client.settledAtSend) {
            assertFalse("an at-least-once tracker is unsettled when sent", b);
        }
        long accepts = client.events().stream().filter("tracker_accept"::equals).count();
        long settles = client.events().stream().filter("tracker_settle"::equals).count();
        assertEquals(COUNT, accepts);
        assertEquals(COUNT, settles);
        for (Tracker t : client.trackers) {
            assertTrue("settled by the peer", t.settled());
            assertTrue("and here (auto-settle)", t.locallySettled());
        }
    }
}
