package io.jproton.hostile;

import static io.jproton.testkit.AmqpFrames.AMQP_HEADER;
import static io.jproton.testkit.AmqpFrames.attach;
import static io.jproton.testkit.AmqpFrames.begin;
import static io.jproton.testkit.AmqpFrames.concat;
import static io.jproton.testkit.AmqpFrames.open;
import static io.jproton.testkit.AmqpFrames.transfer;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertSame;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import io.jproton.ConnectionOptions;
import io.jproton.Delivery;
import io.jproton.ErrorCondition;
import io.jproton.Message;
import io.jproton.MessagingHandler;
import io.jproton.Receiver;
import io.jproton.ReceiverOptions;
import io.jproton.internal.codec.MessageCodec;
import io.jproton.testkit.AmqpFrames;
import io.jproton.testkit.EngineHarness;
import java.util.ArrayList;
import java.util.List;
import org.apache.qpid.proton.amqp.messaging.Rejected;
import org.apache.qpid.proton.amqp.transport.Detach;
import org.apache.qpid.proton.amqp.transport.Disposition;
import org.apache.qpid.proton.amqp.transport.Flow;
import org.apache.qpid.proton.amqp.transport.Transfer;
import org.junit.Test;

/**
 * What a peer sends inside deliveries — messages we cannot decode, deliveries it aborts, messages
 * that never end, more than we can hold — costs that delivery, that link or that connection, with
 * a clear condition, and never stops the engine.
 */
public class HostileDeliveriesTest {
    private final AmqpFrames f = new AmqpFrames();
    private final List<String> bodies = new ArrayList<>();
    private final List<ErrorCondition> decodeErrors = new ArrayList<>();

    private final MessagingHandler recorder = new MessagingHandler() {
        @Override
        public void onMessage(Delivery d, Message m) {
            bodies.add(String.valueOf(m.body()));
        }

        @Override
        public void onMessageDecodeError(Delivery d, ErrorCondition e) {
            decodeErrors.add(e);
            MessagingHandler.super.onMessageDecodeError(d, e); // the default: log, then the delivery is rejected
        }
    };

    /** A server engine with an attached link on which the peer sends, and the credit it was given (10). */
    private EngineHarness receiving(MessagingHandler h, ConnectionOptions o) {
        EngineHarness s = EngineHarness.server(h, o);
        List<AmqpFrames.Frame> out = s.feed(concat(AMQP_HEADER, f.frame(0, open("hostile"), null), f.frame(0, begin(null), null),
                f.frame(0, attach("in", 0, true, "q"), null)));
        assertNull(EngineHarness.closeCondition(out));
        return s;
    }

    private static byte[] message(String body) {
        return MessageCodec.encode(new Message(body));
    }

    private static <T> T find(List<AmqpFrames.Frame> frames, Class<T> type) {
        for (AmqpFrames.Frame fr : frames) {
            if (type.isInstance(fr.body())) {
                return type.cast(fr.body());
            }
        }
        return null;
    }

    @Test
    public void anUndecodableMessageIsRejectedAndTheLinkGoesOn() {
        EngineHarness s = receiving(recorder, null);
        byte[] garbage = {0x00, 0x53, 0x77, (byte) 0xb1, 0x7f, (byte) 0xff, (byte) 0xff, (byte) 0xff, 'x'}; // a string claiming 2 GiB
        List<AmqpFrames.Frame> out = s.feed(concat(f.frame(0, transfer(0, 0L, false, false), garbage),
                f.frame(0, transfer(0, 1L, false, false), message("after"))));
        assertEquals(1, decodeErrors.size());
        assertEquals("amqp:decode-error", decodeErrors.get(0).name());
        assertEquals(List.of("after"), bodies);
        Disposition first = find(out, Disposition.class);
        assertNotNull(out.toString(), first);
        assertTrue("settled", first.getSettled());
        assertTrue("rejected: " + first.getState(), first.getState() instanceof Rejected);
        assertEquals("amqp:decode-error", ((Rejected) first.getState()).getError().getCondition().toString());
        assertNull("the connection goes on", EngineHarness.closeCondition(out));
        assertFalse(s.engine.finished());
    }

    @Test
    public void theHandlerMaySettleAnUndecodableDeliveryItself() {
        MessagingHandler releases = new MessagingHandler() {
            @Override
            public void onMessageDecodeError(Delivery d, ErrorCondition e) {
                d.release();
            }
        };
        EngineHarness s = receiving(releases, null);
        List<AmqpFrames.Frame> out = s.feed(f.frame(0, transfer(0, 0L, false, false), new byte[] {0x00, 0x53, 0x70, 0x45, 0x01}));
        Disposition d = find(out, Disposition.class);
        assertNotNull(out.toString(), d);
        assertTrue("released, not rejected: " + d.getState(), d.getState() instanceof org.apache.qpid.proton.amqp.messaging.Released);
    }

    @Test
    public void anExceptionFromTheApplicationStillPropagates() {
        RuntimeException boom = new RuntimeException("boom");
        EngineHarness s = receiving(new MessagingHandler() {
            @Override
            public void onMessage(Delivery d, Message m) {
                throw boom;
            }
        }, null);
        try {
            s.feed(f.frame(0, transfer(0, 0L, false, false), message("x")));
            fail("the application's exception must reach the caller, as in Proton C++");
        } catch (RuntimeException e) {
            assertSame(boom, e);
        }
    }

    @Test
    public void anAbortedDeliveryIsDroppedAndTheNextOneFlows() {
        EngineHarness s = receiving(recorder, null);
        byte[] m = message("whole");
        Transfer abort = transfer(0, null, false, false);
        abort.setAborted(true);
        s.feed(concat(f.frame(0, transfer(0, 0L, true, false), java.util.Arrays.copyOf(m, 3)), f.frame(0, abort, null)));
        List<AmqpFrames.Frame> out = s.feed(f.frame(0, transfer(0, 1L, false, false), message("next")));
        assertEquals(List.of("next"), bodies);
        assertNull(EngineHarness.closeCondition(out));
    }

    @Test
    public void aMessageOverTheMaxSizeClosesItsLinkNotTheConnection() {
        EngineHarness s = receiving(recorder, new ConnectionOptions().maxMessageSize(1000));
        byte[] chunk = new byte[600];
        List<AmqpFrames.Frame> out = s.feed(concat(f.frame(0, transfer(0, 0L, true, false), chunk),
                f.frame(0, transfer(0, null, true, false), chunk), f.frame(0, transfer(0, null, true, false), chunk)));
        Detach d = find(out, Detach.class);
        assertNotNull("the link is closed: " + out, d);
        assertTrue(d.getClosed());
        assertEquals("amqp:link:message-size-exceeded", d.getError().getCondition().toString());
        assertNull("the connection goes on", EngineHarness.closeCondition(out));
        // the peer goes on sending the message: nothing more is kept, nothing fails
        for (int i = 0; i < 100; i++) {
            assertNull(EngineHarness.closeCondition(s.feed(f.frame(0, transfer(0, null, true, false), chunk))));
        }
        assertTrue(bodies.isEmpty());
    }

    @Test
    public void theReceiverAdvertisesTheMaxMessageSize() {
        EngineHarness s = EngineHarness.server(recorder, new ConnectionOptions().maxMessageSize(12345));
        List<AmqpFrames.Frame> out = s.feed(concat(AMQP_HEADER, f.frame(0, open("p"), null), f.frame(0, begin(null), null),
                f.frame(0, attach("in", 0, true, "q"), null)));
        org.apache.qpid.proton.amqp.transport.Attach a = find(out, org.apache.qpid.proton.amqp.transport.Attach.class);
        assertEquals(12345L, a.getMaxMessageSize().longValue());
        EngineHarness byDefault = EngineHarness.server(recorder, null);
        a = find(byDefault.feed(concat(AMQP_HEADER, f.frame(0, open("p"), null), f.frame(0, begin(null), null),
                f.frame(0, attach("in", 0, true, "q"), null))), org.apache.qpid.proton.amqp.transport.Attach.class);
        assertEquals(ConnectionOptions.DEFAULT_MAX_MESSAGE_SIZE, a.getMaxMessageSize().longValue());
    }

    @Test
    public void incompleteMessagesOnManyLinksTogetherAreBounded() {
        EngineHarness s = receiving(recorder, new ConnectionOptions().maxMessageSize(1000));
        s.feed(concat(f.frame(0, attach("in2", 1, true, "q"), null), f.frame(0, attach("in3", 2, true, "q"), null)));
        byte[] chunk = new byte[400];
        List<AmqpFrames.Frame> out = s.feed(concat(f.frame(0, transfer(0, 0L, true, false), chunk),
                f.frame(0, transfer(1, 1L, true, false), chunk), f.frame(0, transfer(2, 2L, true, false), chunk)));
        org.apache.qpid.proton.amqp.transport.ErrorCondition closed = EngineHarness.closeCondition(out);
        assertNotNull(out.toString(), closed);
        assertEquals("amqp:resource-limit-exceeded", closed.getCondition().toString());
    }

    @Test
    public void aReceiverThatDoesNotSettleStopsGrantingCreditAtMaxUnsettled() {
        List<Delivery> held = new ArrayList<>();
        EngineHarness s = receiving(new MessagingHandler() {
            @Override
            public void onReceiverOpen(Receiver r) {
                r.open(new ReceiverOptions().autoAccept(false).creditWindow(10));
            }

            @Override
            public void onMessage(Delivery d, Message m) {
                held.add(d);
            }
        }, new ConnectionOptions().maxUnsettled(25));
        long granted = 10; // the first window
        long id = 0;
        for (int round = 0; round < 10; round++) {
            byte[] all = new byte[0];
            for (long i = id; i < granted; i++) {
                all = concat(all, f.frame(0, transfer(0, i, false, false), message("m" + i)));
            }
            id = granted;
            for (AmqpFrames.Frame fr : s.feed(all)) {
                if (fr.body() instanceof Flow fl && fl.getHandle() != null) {
                    granted = fl.getDeliveryCount().longValue() + fl.getLinkCredit().longValue();
                }
            }
        }
        assertEquals("credit stops at max unsettled", 25, granted);
        assertEquals(25, held.size());
        held.get(0).accept();
        held.get(1).accept();
        granted = 25;
        for (AmqpFrames.Frame fr : s.feed(new byte[0])) {
            if (fr.body() instanceof Flow fl && fl.getHandle() != null) {
                granted = fl.getDeliveryCount().longValue() + fl.getLinkCredit().longValue();
            }
        }
        assertEquals("settling makes room for credit again", 27, granted);
    }

    @Test
    public void aSenderWhosePeerNeverSettlesStopsAtMaxUnsettled() {
        int[] sent = {0};
        int[] sendable = {0};
        EngineHarness s = EngineHarness.server(new MessagingHandler() {
            @Override
            public void onSendable(io.jproton.Sender snd) {
                sendable[0]++;
                while (snd.credit() > 0) {
                    snd.send(new Message("m" + sent[0]++));
                }
            }
        }, new ConnectionOptions().maxUnsettled(30));
        // the peer receives: it grants 1000 credit and settles nothing
        s.feed(concat(AMQP_HEADER, f.frame(0, open("greedy"), null), f.frame(0, begin(null), null),
                f.frame(0, attach("out", 0, false, "q"), null)));
        s.feed(f.frame(0, AmqpFrames.flow(0, 0, 1000), null));
        assertEquals("credit() counts only the room below max unsettled", 30, sent[0]);
        // the peer settles five: room for five more, and onSendable says so
        Disposition settle = new Disposition();
        settle.setRole(org.apache.qpid.proton.amqp.transport.Role.RECEIVER);
        settle.setFirst(org.apache.qpid.proton.amqp.UnsignedInteger.ZERO);
        settle.setLast(org.apache.qpid.proton.amqp.UnsignedInteger.valueOf(4));
        settle.setSettled(true);
        settle.setState(org.apache.qpid.proton.amqp.messaging.Accepted.getInstance());
        int before = sendable[0];
        s.feed(f.frame(0, settle, null));
        assertTrue("sendable again", sendable[0] > before);
        assertEquals(35, sent[0]);
    }

    @Test
    public void aPeerThatLeavesBeforeTheHeaderEndsTheTransport() {
        EngineHarness s = EngineHarness.server(recorder, null);
        s.feed(new byte[0]);
        s.closeInput();
        assertTrue("the transport ends: no socket is left open", s.transportClosed());
        assertTrue(s.engine.finished());
    }

    @Test
    public void aPeerThatLeavesHalfWayThroughTheHeaderEndsTheTransport() {
        EngineHarness s = EngineHarness.server(recorder, null);
        s.feed(new byte[] {'A', 'M', 'Q'});
        s.closeInput();
        assertTrue(s.transportClosed());
        assertNotNull(s.transportError());
    }
}
