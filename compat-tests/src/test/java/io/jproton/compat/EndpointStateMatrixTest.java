package io.jproton.compat;

import static org.junit.Assert.assertEquals;

import io.jproton.Connection;
import io.jproton.Endpoint;
import io.jproton.Receiver;
import io.jproton.Sender;
import io.jproton.Session;
import io.jproton.Transport;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.Test;

/**
 * What {@code uninitialized()}, {@code active()}, {@code closed()} (as C++ endpoint.hpp: the local
 * end, and both ends for closed) and {@code closedByPeer()} say at each point of a connection's,
 * session's and link's life: before the local open, after the local open, after the peer's open,
 * after the local close, after the peer's close. Both containers.
 */
public class EndpointStateMatrixTest {

    /** "u a c p": uninitialized, active, closed, closedByPeer, each 1 or 0. */
    static String state(Endpoint e) {
        return (e.uninitialized() ? "1" : "0") + (e.active() ? "1" : "0") + (e.closed() ? "1" : "0") + (e.closedByPeer() ? "1" : "0");
    }

    @Test
    public void eachAccessorAtEachPoint() throws Exception {
        Map<String, String> seen = new LinkedHashMap<>();
        Recorder client = new Recorder() {
            @Override
            public void onConnectionOpen(Connection c) {
                seen.put("client connection after the peer's open", state(c));
            }

            @Override
            public void onSenderOpen(Sender s) {
                seen.put("client sender after the peer's open", state(s));
                seen.put("client session after the peer's open", state(s.session()));
                // the client closes: first the link, the session and the connection, in turn
                s.close();
                seen.put("client sender after the local close", state(s));
            }

            @Override
            public void onSenderClose(Sender s) {
                seen.put("client sender after both closed", state(s));
                Session ssn = s.session();
                ssn.close();
                seen.put("client session after the local close", state(ssn));
            }

            @Override
            public void onSessionClose(Session s) {
                seen.put("client session after both closed", state(s));
                s.connection().close();
                seen.put("client connection after the local close", state(s.connection()));
            }

            @Override
            public void onTransportClose(Transport t) {
                seen.put("client connection after both closed", state(t.connection()));
            }
        };
        Recorder server = new Recorder() {
            @Override
            public void onConnectionOpen(Connection c) {
                seen.put("server connection before the local open", state(c));
                c.open();
                seen.put("server connection after the local open", state(c));
            }

            @Override
            public void onSessionOpen(Session s) {
                seen.put("server session before the local open", state(s));
            }

            @Override
            public void onReceiverOpen(Receiver r) {
                seen.put("server receiver before the local open", state(r));
                r.open();
                seen.put("server receiver after the local open", state(r));
            }

            @Override
            public void onReceiverClose(Receiver r) {
                seen.put("server receiver after the peer's close", state(r));
            }

            @Override
            public void onSessionClose(Session s) {
                seen.put("server session after the peer's close", state(s));
            }

            @Override
            public void onConnectionClose(Connection c) {
                seen.put("server connection after the peer's close", state(c));
            }

            @Override
            public void onTransportClose(Transport t) {
                seen.put("server connection after both closed", state(t.connection()));
            }
        };
        Peer.pair(client, server, c -> {
            seen.put("client connection after the local open", state(c));
            Sender s = c.openSender("q");
            seen.put("client sender after the local open", state(s));
        });
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("client connection after the local open", "0100");
        expected.put("client sender after the local open", "0100");
        expected.put("server connection before the local open", "1000");
        expected.put("server connection after the local open", "0100");
        expected.put("server session before the local open", "1000");
        expected.put("server receiver before the local open", "1000");
        expected.put("server receiver after the local open", "0100");
        expected.put("client connection after the peer's open", "0100");
        expected.put("client sender after the peer's open", "0100");
        expected.put("client session after the peer's open", "0100");
        expected.put("client sender after the local close", "0000");
        expected.put("server receiver after the peer's close", "0101");
        expected.put("client sender after both closed", "0011");
        expected.put("client session after the local close", "0000");
        expected.put("server session after the peer's close", "0101");
        expected.put("client session after both closed", "0011");
        expected.put("client connection after the local close", "0000");
        expected.put("server connection after the peer's close", "0101");
        expected.put("server connection after both closed", "0011");
        expected.put("client connection after both closed", "0011");
        for (Map.Entry<String, String> e : expected.entrySet()) {
            assertEquals(e.getKey() + " (uninitialized, active, closed, closedByPeer)", e.getValue(), seen.get(e.getKey()));
        }
    }
}
