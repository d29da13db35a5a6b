package io.jproton.hostile;

import static io.jproton.testkit.AmqpFrames.AMQP_HEADER;
import static io.jproton.testkit.AmqpFrames.attach;
import static io.jproton.testkit.AmqpFrames.begin;
import static io.jproton.testkit.AmqpFrames.concat;
import static io.jproton.testkit.AmqpFrames.open;
import static io.jproton.testkit.AmqpFrames.transfer;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import io.jproton.ConnectionOptions;
import io.jproton.MessagingHandler;
import io.jproton.testkit.AmqpFrames;
import io.jproton.testkit.EngineHarness;
import java.util.List;
import org.apache.qpid.proton.amqp.UnsignedInteger;
import org.apache.qpid.proton.amqp.transport.Detach;
import org.apache.qpid.proton.amqp.transport.Disposition;
import org.apache.qpid.proton.amqp.transport.End;
import org.apache.qpid.proton.amqp.transport.Flow;
import org.apache.qpid.proton.amqp.transport.Role;
import org.junit.Test;

/**
 * A peer that breaks the AMQP protocol state (frames on channels or handles it never opened,
 * handles reused, limits passed) costs its own connection only: the connection closes with a
 * precise condition in its close frame and in {@code onTransportError}, and nothing is thrown out
 * of the engine. Each case here once stopped the whole container (proton-j threw, or re-entered
 * its parser) or was silently ignored.
 */
public class ProtocolViolationTest {
    private final AmqpFrames f = new AmqpFrames();

    private byte[] opened() {
        return concat(AMQP_HEADER, f.frame(0, open("hostile"), null));
    }

    private byte[] begun() {
        return concat(opened(), f.frame(0, begin(null), null));
    }

    private byte[] sending() {
        return concat(begun(), f.frame(0, attach("in", 0, true, "q"), null));
    }

    /** Feeds the bytes to a server engine; checks the close frame's condition and onTransportError's. */
    private void violates(byte[] bytes, String condition, String inDescription) {
        violates(bytes, condition, inDescription, new ConnectionOptions());
    }

    private void violates(byte[] bytes, String condition, String inDescription, ConnectionOptions options) {
        violates(new byte[0], bytes, condition, inDescription, options);
    }

    /** As {@link #violates(byte[], String, String)}, with {@code setup} fed first and answered before {@code bytes} come. */
    private void violates(byte[] setup, byte[] bytes, String condition, String inDescription, ConnectionOptions options) {
        EngineHarness s = EngineHarness.server(new MessagingHandler() { }, options);
        List<AmqpFrames.Frame> setupOut = s.feed(setup);
        assertEquals("no close before the violation: " + setupOut, null, EngineHarness.closeCondition(setupOut));
        List<AmqpFrames.Frame> out = s.feed(bytes);
        org.apache.qpid.proton.amqp.transport.ErrorCondition closed = EngineHarness.closeCondition(out);
        assertNotNull("a close frame with an error, got " + out, closed);
        assertEquals(out.toString(), condition, closed.getCondition().toString());
        assertTrue(closed.getDescription(), closed.getDescription().contains(inDescription));
        s.closeInput();
        assertTrue("the connection finished", s.transportClosed());
        assertNotNull("onTransportError", s.transportError());
        assertEquals(condition, s.transportError().name());
    }

    @Test
    public void transferOnAHandleNeverAttached() {
        violates(concat(begun(), f.frame(0, transfer(7, 0L, false, true), new byte[] {0x00, 0x53, 0x77, 0x40})),
                "amqp:session:unattached-handle", "handle 7");
    }

    @Test
    public void transferOnAChannelNeverBegun() {
        violates(concat(opened(), f.frame(3, transfer(0, 0L, false, true), null)), "amqp:not-allowed", "channel 3");
    }

    @Test
    public void secondAttachOnALiveHandle() {
        violates(concat(sending(), f.frame(0, attach("other", 0, true, "q"), null)), "amqp:session:handle-in-use", "handle 0");
    }

    @Test
    public void attachAboveHandleMax() {
        violates(concat(begun(), f.frame(0, attach("big", 65536, true, "q"), null)), "amqp:connection:framing-error", "handle-max");
    }

    @Test
    public void attachWithALinkNameAlreadyAttached() {
        violates(concat(sending(), f.frame(0, attach("in", 1, true, "q"), null)), "amqp:invalid-field", "already attached");
    }

    @Test
    public void attachOnAChannelNeverBegun() {
        violates(concat(opened(), f.frame(5, attach("x", 0, true, "q"), null)), "amqp:not-allowed", "channel 5");
    }

    @Test
    public void beginOnAChannelAlreadyBegun() {
        violates(concat(begun(), f.frame(0, begin(null), null)), "amqp:connection:framing-error", "already begun");
    }

    @Test
    public void beginAboveChannelMax() {
        violates(concat(opened(), f.frame(9, begin(null), null)), "amqp:connection:framing-error", "channel_max 7",
                new ConnectionOptions().maxSessions(8));
    }

    @Test
    public void beginAboveTheDefaultChannelMax() {
        violates(concat(opened(), f.frame(4096, begin(null), null)), "amqp:connection:framing-error", "channel_max 4095");
    }

    @Test
    public void beginReplyToAChannelNeverBegunHere() {
        violates(concat(opened(), f.frame(0, begin(4), null)), "amqp:connection:framing-error", "uncorrelated channel");
    }

    @Test
    public void flowOnAChannelNeverBegun() {
        violates(concat(opened(), f.frame(2, AmqpFrames.flow(0, 0, 10), null)), "amqp:not-allowed", "channel 2");
    }

    @Test
    public void flowForAHandleNeverAttached() {
        violates(concat(begun(), f.frame(0, AmqpFrames.flow(3, 0, 10), null)), "amqp:session:unattached-handle", "handle 3");
    }

    @Test
    public void dispositionOnAChannelNeverBegun() {
        Disposition d = new Disposition();
        d.setRole(Role.RECEIVER);
        d.setFirst(UnsignedInteger.ZERO);
        violates(concat(opened(), f.frame(1, d, null)), "amqp:not-allowed", "channel 1");
    }

    @Test
    public void detachOfAHandleNeverAttached() {
        Detach d = new Detach();
        d.setHandle(UnsignedInteger.valueOf(4));
        violates(concat(begun(), f.frame(0, d, null)), "amqp:session:unattached-handle", "handle 4");
    }

    @Test
    public void endOfAChannelNeverBegun() {
        violates(concat(opened(), f.frame(6, new End(), null)), "amqp:not-allowed", "channel 6");
    }

    @Test
    public void aFrameBeforeOpen() {
        violates(concat(AMQP_HEADER, f.frame(0, begin(null), null)), "amqp:connection:framing-error", "expected an open frame");
    }

    @Test
    public void openTwice() {
        violates(concat(opened(), f.frame(0, open("again"), null)), "amqp:connection:framing-error", "open frame received twice");
    }

    @Test
    public void transferOnALinkWhereThePeerReceives() {
        violates(concat(begun(), f.frame(0, attach("out", 0, false, "q"), null), f.frame(0, transfer(0, 0L, false, true), null)),
                "amqp:invalid-field", "the peer is the receiver");
    }

    @Test
    public void newDeliveryWithoutADeliveryId() {
        violates(sending(), f.frame(0, transfer(0, null, false, true), new byte[] {0x00, 0x53, 0x77, 0x40}),
                "amqp:connection:framing-error", "delivery-id", new ConnectionOptions());
    }

    @Test
    public void transfersBeyondTheCreditGiven() {
        // the default credit window is 10, and a slip of as much as was granted is taken (RabbitMQ 3.x slips,
        // see CreditSlipTest): a twenty-first message without more credit breaks the link's flow control
        byte[] msg = {0x00, 0x53, 0x77, 0x40};
        byte[] all = new byte[0];
        for (long id = 0; id < 21; id++) {
            all = concat(all, f.frame(0, transfer(0, id, false, true), msg));
        }
        violates(sending(), all, "amqp:link:transfer-limit-exceeded", "beyond its credit", new ConnectionOptions());
    }

    @Test
    public void moreLinksThanAllowed() {
        byte[] all = begun();
        for (int h = 0; h < 4; h++) {
            all = concat(all, f.frame(0, attach("l" + h, h, true, "q"), null));
        }
        violates(all, "amqp:resource-limit-exceeded", "at most 3", new ConnectionOptions().maxLinks(3));
    }

    @Test
    public void aFlowWhoseFieldsHaveTheWrongTypes() {
        // flow (descriptor 0x13) whose handle field is a string: proton-j's decoder fails on it
        byte[] body = {0x00, 0x53, 0x13, (byte) 0xc0, 10, 5, 0x43, 0x43, 0x43, 0x43, (byte) 0xa1, 1, 'x'};
        byte[] frame = new byte[8 + body.length];
        java.nio.ByteBuffer.wrap(frame).putInt(frame.length).put((byte) 2).put((byte) 0).putShort((short) 0).put(body);
        violates(sending(), frame, "amqp:decode-error", "", new ConnectionOptions());
    }
}
