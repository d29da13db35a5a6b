package io.jproton.internal.engine;

import static io.jproton.testkit.AmqpFrames.AMQP_HEADER;
import static io.jproton.testkit.AmqpFrames.attach;
import static io.jproton.testkit.AmqpFrames.begin;
import static io.jproton.testkit.AmqpFrames.concat;
import static io.jproton.testkit.AmqpFrames.flow;
import static io.jproton.testkit.AmqpFrames.open;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import io.jproton.ConnectionOptions;
import io.jproton.Message;
import io.jproton.MessagingHandler;
import io.jproton.Sender;
import io.jproton.SenderOptions;
import io.jproton.Tracker;
import io.jproton.testkit.AmqpFrames;
import io.jproton.testkit.EngineHarness;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.apache.qpid.proton.Proton;
import org.apache.qpid.proton.amqp.transport.Disposition;
import org.apache.qpid.proton.amqp.transport.Role;
import org.apache.qpid.proton.amqp.transport.Transfer;
import org.apache.qpid.proton.engine.Connection;
import org.apache.qpid.proton.engine.Delivery;
import org.apache.qpid.proton.engine.Transport;
import org.junit.Test;

/**
 * A sender that settles a delivery before the receiver has: the receiver must hear of it (a
 * disposition with role sender, settled), as from Proton C, so that its {@code onDeliverySettle}
 * fires. proton-j 0.35 writes a sender's disposition only with a delivery state, so a bare settle
 * never leaves: the driver writes it ({@code ProtonJInternals.writeSenderSettlement}).
 */
public class SenderSettlementTest {
    private final AmqpFrames f = new AmqpFrames();

    private byte[] receivingPeer(String link) {
        return concat(AMQP_HEADER, f.frame(0, open("peer"), null), f.frame(0, begin(0), null),
                f.frame(0, attach(link, 0, false, "q"), null), f.frame(0, flow(0, 0, 10), null));
    }

    private static Disposition senderDisposition(List<AmqpFrames.Frame> frames) {
        for (AmqpFrames.Frame fr : frames) {
            if (fr.body() instanceof Disposition d && d.getRole() == Role.SENDER) {
                return d;
            }
        }
        return null;
    }

    @Test
    public void aSendersSettlementReachesTheReceiver() {
        List<Tracker> sent = new ArrayList<>();
        EngineHarness client = EngineHarness.client(new MessagingHandler() {
            @Override
            public void onSendable(Sender s) {
                if (sent.isEmpty()) {
                    sent.add(s.send(new Message("x")));
                }
            }
        }, new ConnectionOptions().saslEnabled(false));
        client.engine.connection().openSender("q", new SenderOptions().name("out"));
        client.output();
        List<AmqpFrames.Frame> out = client.feed(receivingPeer("out"));
        assertTrue(out.stream().anyMatch(fr -> fr.body() instanceof Transfer));
        sent.get(0).settle();
        Disposition d = senderDisposition(client.output());
        assertTrue("a disposition tells the receiver", d != null && d.getSettled());
        assertNull("no state: the sender only forgets it", d.getState());
        assertEquals(0, d.getFirst().longValue());
    }

    /** proton-j's own behaviour: if this fails, proton-j sends it itself and the workaround can go. */
    @Test
    public void protonJAloneDoesNotTellTheReceiver() {
        Connection c = Proton.connection();
        Transport t = Proton.transport();
        t.bind(c);
        c.open();
        org.apache.qpid.proton.engine.Session s = c.session();
        s.open();
        org.apache.qpid.proton.engine.Sender snd = s.sender("out");
        snd.setTarget(new org.apache.qpid.proton.amqp.messaging.Target());
        snd.open();
        AmqpFrames peer = new AmqpFrames();
        drain(t, peer);
        t.tail().put(receivingPeer("out"));
        t.process();
        Delivery d = snd.delivery(new byte[] {0});
        snd.send(new byte[] {0x00, 0x53, 0x77, 0x40}, 0, 4);
        snd.advance();
        assertTrue(drain(t, peer).stream().anyMatch(fr -> fr.body() instanceof Transfer));
        d.settle();
        assertNull("proton-j writes nothing for a bare settle", senderDisposition(drain(t, peer)));
    }

    private static List<AmqpFrames.Frame> drain(Transport t, AmqpFrames peer) {
        List<AmqpFrames.Frame> out = new ArrayList<>();
        while (t.pending() > 0) {
            ByteBuffer h = t.head();
            byte[] b = new byte[h.remaining()];
            h.get(b);
            t.pop(b.length);
            out.addAll(peer.read(b));
        }
        return out;
    }

}
