package io.jproton.hostile;

import static io.jproton.testkit.AmqpFrames.AMQP_HEADER;
import static io.jproton.testkit.AmqpFrames.attach;
import static io.jproton.testkit.AmqpFrames.begin;
import static io.jproton.testkit.AmqpFrames.concat;
import static io.jproton.testkit.AmqpFrames.flow;
import static io.jproton.testkit.AmqpFrames.open;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
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
import java.util.Map;
import java.util.TreeMap;
import org.apache.qpid.proton.Proton;
import org.apache.qpid.proton.amqp.UnsignedInteger;
import org.apache.qpid.proton.amqp.messaging.Accepted;
import org.apache.qpid.proton.amqp.transport.Attach;
import org.apache.qpid.proton.amqp.transport.Disposition;
import org.apache.qpid.proton.amqp.transport.Flow;
import org.apache.qpid.proton.amqp.transport.Open;
import org.apache.qpid.proton.amqp.transport.Role;
import org.apache.qpid.proton.amqp.transport.Transfer;
import org.apache.qpid.proton.engine.Connection;
import org.apache.qpid.proton.engine.Delivery;
import org.apache.qpid.proton.engine.Transport;
import org.junit.Test;

/**
 * The peer settles a delivery while we are still sending its frames (a receiver that has seen
 * enough, say). proton-j 0.35 then never sends the rest, nor anything after it on that link; Proton
 * C++ sends the rest and goes on, and so does jproton (see {@code MidTransferSettlement}).
 */
public class MidTransferSettleTest {
    private static final int BIG = 200_000;
    private final AmqpFrames f = new AmqpFrames();

    /** The peer's frames: open with a small max frame, begin, attach as receiver, and credit 10 with a wide window. */
    private byte[] receivingPeer(String linkName) {
        Open o = open("peer");
        o.setMaxFrameSize(UnsignedInteger.valueOf(512));
        Flow fl = flow(0, 0, 10);
        fl.setIncomingWindow(UnsignedInteger.valueOf(1_000_000));
        return concat(AMQP_HEADER, f.frame(0, o, null), f.frame(0, begin(0), null), f.frame(0, attach(linkName, 0, false, "q"), null),
                f.frame(0, fl, null));
    }

    private byte[] settleFirstDelivery() {
        Disposition d = new Disposition();
        d.setRole(Role.RECEIVER);
        d.setFirst(UnsignedInteger.ZERO);
        d.setSettled(true);
        d.setState(Accepted.getInstance());
        return f.frame(0, d, null);
    }

    /** @return transfer frames per delivery-id among the frames, and (in ends) the ids whose last frame is there */
    private static Map<Long, Integer> transfers(List<AmqpFrames.Frame> frames, Map<Long, Boolean> ends) {
        Map<Long, Integer> per = new TreeMap<>();
        long current = -1;
        for (AmqpFrames.Frame fr : frames) {
            if (fr.body() instanceof Transfer t) {
                if (t.getDeliveryId() != null) {
                    current = t.getDeliveryId().longValue();
                }
                per.merge(current, 1, Integer::sum);
                if (!t.getMore()) {
                    ends.put(current, true);
                }
            }
        }
        return per;
    }

    @Test
    public void theLinkGoesOnAfterThePeerSettlesADeliveryPartWay() {
        List<String> outcomes = new ArrayList<>();
        int[] sent = {0};
        EngineHarness client = EngineHarness.client(new MessagingHandler() {
            @Override
            public void onSendable(Sender s) {
                while (s.credit() > 0 && sent[0] < 3) {
                    s.send(new Message(new byte[BIG]));
                    sent[0]++;
                }
            }

            @Override
            public void onTrackerAccept(Tracker t) {
                outcomes.add("accept");
            }

            @Override
            public void onTrackerSettle(Tracker t) {
                outcomes.add("settle");
            }
        }, new ConnectionOptions().saslEnabled(false));
        client.engine.connection().openSender("q", new SenderOptions().name("big"));
        client.output();
        // the peer's set-up, then only the first chunk of output is taken before the peer settles delivery 0
        ByteBuffer in = client.engine.readBuffer();
        in.put(receivingPeer("big"));
        client.engine.readDone(0);
        client.engine.dispatch();
        ByteBuffer out = client.engine.writeBuffer();
        byte[] chunk = new byte[Math.min(out.remaining(), 4096)];
        out.get(chunk);
        client.engine.writeDone(chunk.length);
        List<AmqpFrames.Frame> before = new AmqpFrames().read(chunk);
        Map<Long, Boolean> ends = new TreeMap<>();
        assertEquals("delivery 0 is part way", Map.of(0L, transfers(before, ends).get(0L)), transfers(before, ends));
        assertTrue(ends.isEmpty());

        List<AmqpFrames.Frame> after = client.feed(settleFirstDelivery());
        Map<Long, Integer> per = transfers(after, ends);
        assertEquals("every delivery completes: " + per, Map.of(0L, true, 1L, true, 2L, true), ends);
        assertTrue(per.get(1L) > BIG / 512);
        assertEquals(List.of("accept", "settle"), outcomes);
        assertFalse(client.engine.finished());
    }

    /** proton-j's own behaviour, which the driver works around: if this fails, proton-j was fixed and the workaround can go. */
    @Test
    public void protonJAloneStallsTheLink() {
        Connection c = Proton.connection();
        Transport t = Proton.transport();
        t.bind(c);
        c.open();
        org.apache.qpid.proton.engine.Session s = c.session();
        s.open();
        org.apache.qpid.proton.engine.Sender snd = s.sender("big");
        snd.setTarget(new org.apache.qpid.proton.amqp.messaging.Target());
        snd.open();
        AmqpFrames peer = new AmqpFrames();
        drain(t, peer, Integer.MAX_VALUE);
        feed(t, receivingPeer("big"));
        for (int i = 0; i < 3; i++) {
            Delivery d = snd.delivery(new byte[] {(byte) i});
            snd.send(new byte[BIG], 0, BIG);
            snd.advance();
        }
        List<AmqpFrames.Frame> before = drain(t, peer, 4096);
        Map<Long, Boolean> ends = new TreeMap<>();
        transfers(before, ends);
        assertTrue(ends.isEmpty());
        feed(t, settleFirstDelivery());
        List<AmqpFrames.Frame> after = drain(t, peer, Integer.MAX_VALUE);
        Map<Long, Integer> per = transfers(after, ends);
        assertEquals("proton-j never finishes delivery 0 nor sends the others: " + per, Map.of(), ends);
        assertFalse(per.containsKey(1L));
    }

    private static void feed(Transport t, byte[] bytes) {
        ByteBuffer in = t.tail();
        in.put(bytes);
        t.process();
    }

    private static List<AmqpFrames.Frame> drain(Transport t, AmqpFrames peer, int max) {
        List<AmqpFrames.Frame> out = new ArrayList<>();
        int taken = 0;
        while (taken < max && t.pending() > 0) {
            ByteBuffer h = t.head();
            byte[] b = new byte[Math.min(h.remaining(), max - taken)];
            h.get(b);
            t.pop(b.length);
            taken += b.length;
            out.addAll(peer.read(b));
        }
        return out;
    }
}
