package io.jproton.hostile;

import static io.jproton.testkit.AmqpFrames.AMQP_HEADER;
import static io.jproton.testkit.AmqpFrames.attach;
import static io.jproton.testkit.AmqpFrames.begin;
import static io.jproton.testkit.AmqpFrames.concat;
import static io.jproton.testkit.AmqpFrames.open;
import static io.jproton.testkit.AmqpFrames.transfer;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import io.jproton.ConnectionOptions;
import io.jproton.Delivery;
import io.jproton.Message;
import io.jproton.MessagingHandler;
import io.jproton.Receiver;
import io.jproton.ReceiverOptions;
import io.jproton.testkit.AmqpFrames;
import io.jproton.testkit.EngineHarness;
import java.util.List;
import org.apache.qpid.proton.amqp.transport.Flow;
import org.junit.Test;

/**
 * RabbitMQ 3.x sometimes sends a few transfers more than the credit its receiver granted
 * (rabbitmq-server#2597: a consumer of a queue with a backlog, at the default credit window),
 * and Proton C++ takes them. jproton takes such a slip too, as long as it stays within what was
 * granted so far (up to max unsettled) less what earlier slips took, and its next flow grants
 * from where the peer really is: it never hands out more credit than its window (a credit count
 * gone negative would go out as a huge unsigned one). A peer that goes past that ignores credit,
 * and loses its connection ({@link ProtocolViolationTest}).
 */
public class CreditSlipTest {
    private static final byte[] MSG = {0x00, 0x53, 0x77, 0x40};
    private final AmqpFrames f = new AmqpFrames();
    private int messages;

    private EngineHarness receiving() {
        EngineHarness s = EngineHarness.server(new MessagingHandler() {
            @Override
            public void onMessage(Delivery d, Message m) {
                messages++;
            }
        }, new ConnectionOptions());
        s.feed(concat(AMQP_HEADER, f.frame(0, open("rabbit"), null), f.frame(0, begin(null), null),
                f.frame(0, attach("in", 0, true, "q"), null)));
        return s;
    }

    private byte[] transfers(long first, int count) {
        byte[] all = new byte[0];
        for (long id = first; id < first + count; id++) {
            all = concat(all, f.frame(0, transfer(0, id, false, true), MSG));
        }
        return all;
    }

    private static void grantsNoMoreThanTheWindow(List<AmqpFrames.Frame> out) {
        for (AmqpFrames.Frame fr : out) {
            if (fr.body() instanceof Flow flow && flow.getLinkCredit() != null) {
                assertTrue("a flow within the window of 10: " + flow, flow.getLinkCredit().longValue() <= 10);
            }
        }
    }

    @Test
    public void aSlipOfAFewTransfersIsTaken() {
        EngineHarness s = receiving();
        List<AmqpFrames.Frame> out = s.feed(transfers(0, 14)); // the window is 10
        assertNull("no close: " + out, EngineHarness.closeCondition(out));
        assertEquals(14, messages);
        grantsNoMoreThanTheWindow(out);
        // after its next grant the peer may slip again
        out = s.feed(transfers(14, 13));
        assertNull("no close: " + out, EngineHarness.closeCondition(out));
        assertEquals(27, messages);
        grantsNoMoreThanTheWindow(out);
    }

    @Test
    public void slipsInSeveralReadsAddUpUntilTheNextGrant() {
        // credit managed by the application: 10 granted once, so a slip of 10 at most in all
        EngineHarness s = EngineHarness.server(new MessagingHandler() {
            @Override
            public void onReceiverOpen(Receiver r) {
                r.open(new ReceiverOptions().creditWindow(0));
                r.addCredit(10);
            }

            @Override
            public void onMessage(Delivery d, Message m) {
                messages++;
            }
        }, new ConnectionOptions());
        s.feed(concat(AMQP_HEADER, f.frame(0, open("peer"), null), f.frame(0, begin(null), null),
                f.frame(0, attach("in", 0, true, "q"), null)));
        List<AmqpFrames.Frame> out = s.feed(transfers(0, 15));
        assertNull("a slip of 5: " + out, EngineHarness.closeCondition(out));
        assertEquals(15, messages);
        out = s.feed(transfers(15, 6));
        assertEquals("5 more were allowed, not 6: " + out, "amqp:link:transfer-limit-exceeded",
                String.valueOf(EngineHarness.closeCondition(out).getCondition()));
    }
}
