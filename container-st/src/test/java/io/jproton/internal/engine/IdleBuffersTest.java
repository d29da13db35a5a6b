package io.jproton.internal.engine;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.nio.ByteBuffer;
import org.apache.qpid.proton.Proton;
import org.apache.qpid.proton.engine.Connection;
import org.apache.qpid.proton.engine.EndpointState;
import org.apache.qpid.proton.engine.Session;
import org.apache.qpid.proton.engine.Transport;
import org.apache.qpid.proton.engine.impl.TransportInternal;
import org.junit.Test;

/** Idle transports give back proton-j's frame buffers, and keep working after. */
public class IdleBuffersTest {
    private static final int FRAME = Transport.DEFAULT_MAX_FRAME_SIZE;

    private static final class End {
        final Transport transport = Proton.transport();
        final Connection connection = Proton.connection();
        final IdleBuffers buffers = new IdleBuffers();

        End() {
            ((TransportInternal) transport).addTransportLayer(buffers);
            transport.sasl(); // as the driver: SASL (and TLS) stack on top of the idle-buffer layer
            transport.bind(connection);
        }
    }

    /** Moves every pending byte both ways until neither side has more. */
    private static void pump(End a, End b) {
        boolean moved = true;
        while (moved) {
            moved = move(a, b) | move(b, a);
        }
    }

    private static boolean move(End from, End to) {
        boolean moved = false;
        while (from.transport.pending() > 0) {
            ByteBuffer out = from.transport.head();
            int n = Math.min(out.remaining(), to.transport.capacity());
            ByteBuffer in = to.transport.tail();
            ByteBuffer chunk = out.duplicate();
            chunk.limit(chunk.position() + n);
            in.put(chunk);
            to.transport.process();
            from.transport.pop(n);
            moved = true;
        }
        return moved;
    }

    private static End[] openPair() {
        End client = new End();
        End server = new End();
        client.transport.sasl().client();
        client.transport.sasl().setMechanisms("ANONYMOUS");
        server.transport.sasl().server();
        server.transport.sasl().setMechanisms("ANONYMOUS");
        server.transport.sasl().done(org.apache.qpid.proton.engine.Sasl.SaslOutcome.PN_SASL_OK);
        client.connection.open();
        server.connection.open();
        pump(client, server);
        assertEquals(EndpointState.ACTIVE, server.connection.getRemoteState());
        assertEquals(EndpointState.ACTIVE, client.connection.getRemoteState());
        return new End[] {client, server};
    }

    @Test
    public void anIdleTransportGivesBackBothFrameBuffersAndKeepsWorking() {
        End[] pair = openPair();
        End client = pair[0];
        End server = pair[1];
        // both buffers were in use (input and output), and both hold no bytes now
        assertEquals(2 * FRAME, client.buffers.release());
        assertEquals(2 * FRAME, server.buffers.release());
        assertEquals("nothing left to give back", 0, client.buffers.release());

        Session s = client.connection.session();
        s.open();
        pump(client, server);
        Session remote = server.connection.sessionHead(java.util.EnumSet.of(EndpointState.UNINITIALIZED),
                java.util.EnumSet.of(EndpointState.ACTIVE));
        assertTrue("the session opened after the buffers were given back", remote != null);
        remote.open();
        pump(client, server);
        assertEquals(EndpointState.ACTIVE, s.getRemoteState());
    }

    @Test
    public void unwrittenBytesKeepTheirBufferAndAHalfReceivedFrameSurvives() {
        End[] pair = openPair();
        End client = pair[0];
        End server = pair[1];
        client.buffers.release();
        server.buffers.release();

        client.connection.session().open();
        assertTrue(client.transport.pending() > 0); // the begin frame waits in the output buffer
        int partly = 3;
        server.transport.tail().put(client.transport.head().duplicate().limit(partly));
        client.transport.pop(partly);
        server.transport.process(); // three bytes of a frame: the parser takes them into its own state

        assertEquals("the output buffer still holds the rest of the frame", 0, client.buffers.release());
        assertEquals("the parser's input buffer is empty", FRAME, server.buffers.release());
        pump(client, server); // the rest of the frame completes the one begun before the release
        assertTrue(server.connection.sessionHead(java.util.EnumSet.of(EndpointState.UNINITIALIZED),
                java.util.EnumSet.of(EndpointState.ACTIVE)) != null);
    }
}
