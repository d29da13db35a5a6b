package io.jproton.hostile;

import static io.jproton.testkit.AmqpFrames.AMQP_HEADER;
import static io.jproton.testkit.AmqpFrames.attach;
import static io.jproton.testkit.AmqpFrames.begin;
import static io.jproton.testkit.AmqpFrames.close;
import static io.jproton.testkit.AmqpFrames.concat;
import static io.jproton.testkit.AmqpFrames.open;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import io.jproton.ConnectionOptions;
import io.jproton.MessagingHandler;
import io.jproton.ReceiverOptions;
import io.jproton.testkit.AmqpFrames;
import io.jproton.testkit.EngineHarness;
import org.apache.qpid.proton.amqp.UnsignedInteger;
import org.apache.qpid.proton.amqp.transport.Detach;
import org.junit.Test;

/**
 * RabbitMQ 3.10's AMQP 1.0 plugin answers a client's detach and close with its close and then a
 * detach for the link: a frame after the close, which the AMQP spec forbids. proton-j alone turns
 * bytes that follow a close in the same read into {@code amqp:connection:framing-error} (so
 * {@code simple_recv} against RabbitMQ failed after receiving every message); Proton C++ ends
 * such a connection cleanly, and so does jproton: what follows the peer's close is ignored.
 */
public class FramesAfterCloseTest {
    private final AmqpFrames f = new AmqpFrames();

    @Test
    public void aDetachAfterThePeersCloseIsIgnored() {
        EngineHarness client = EngineHarness.client(new MessagingHandler() { }, new ConnectionOptions().saslEnabled(false));
        client.engine.connection().openReceiver("q", new ReceiverOptions().name("in"));
        client.output();
        client.feed(concat(AMQP_HEADER, f.frame(0, open("rabbit"), null), f.frame(0, begin(0), null),
                f.frame(0, attach("in", 0, true, "q"), null)));
        client.engine.connection().close();
        client.output();
        Detach detach = new Detach();
        detach.setHandle(UnsignedInteger.ZERO);
        // the close and the detach after it arrive in one read, as they do from RabbitMQ
        client.feed(concat(f.frame(0, close(), null), f.frame(0, detach, null)));
        assertNull("no error for frames after the peer's close", client.transportError());
        client.closeInput();
        assertTrue("the connection finished", client.transportClosed());
        assertNull("no error for frames after the peer's close", client.transportError());
    }

    @Test
    public void aCloseAloneEndsCleanlyToo() {
        EngineHarness client = EngineHarness.client(new MessagingHandler() { }, new ConnectionOptions().saslEnabled(false));
        client.output();
        client.feed(concat(AMQP_HEADER, f.frame(0, open("peer"), null)));
        client.engine.connection().close();
        client.output();
        client.feed(f.frame(0, close(), null));
        client.closeInput();
        assertTrue(client.transportClosed());
        assertEquals(null, client.transportError());
    }
}
