package io.jproton.compat;

import static org.junit.Assert.assertEquals;

import io.jproton.Connection;
import io.jproton.ErrorCondition;
import java.util.List;
import org.junit.Test;

/**
 * A peer that closes with {@code amqp:connection:forced} (a broker shutting down) while no
 * reconnect is configured: as Proton C++, the application sees {@code onConnectionError} and
 * {@code onConnectionClose}, and the connection answers with its own close frame (so the peer
 * sees a clean close, not a dropped socket). With reconnect on, forced means lost (ReconnectTest).
 */
public class ForcedCloseTest {

    @Test
    public void aForcedCloseWithoutReconnectIsAConnectionErrorAnsweredWithClose() throws Exception {
        ErrorCondition[] seen = {null};
        Recorder client = new Recorder() {
            @Override
            public void onConnectionError(Connection c) {
                seen[0] = c.error();
                super.onConnectionError(c);
            }
        };
        Recorder server = new Recorder() {
            @Override
            public void onConnectionOpen(Connection c) {
                super.onConnectionOpen(c);
                c.open();
                c.close(new ErrorCondition("amqp:connection:forced", "shutting down"));
            }
        };
        Peer.pair(client, server, c -> { });
        assertEquals(List.of("transport_open", "connection_open", "connection_error", "connection_close", "transport_close"),
                client.events());
        assertEquals("amqp:connection:forced", seen[0].name());
        assertEquals("the client answered with close: no transport error on the server",
                List.of("transport_open", "connection_open", "connection_close", "transport_close"), server.events());
    }
}
