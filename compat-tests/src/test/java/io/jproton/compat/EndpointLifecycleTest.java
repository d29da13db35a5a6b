package io.jproton.compat;

import static org.junit.Assert.assertEquals;

import io.jproton.Connection;
import io.jproton.Container;
import io.jproton.Listener;
import io.jproton.Receiver;
import io.jproton.Sender;
import io.jproton.Session;
import java.util.List;
import org.junit.Test;

/** The order of open and close callbacks for every endpoint, on both sides of a connection. */
public class EndpointLifecycleTest {

    @Test
    public void openAndCloseEveryEndpointFromTheClient() throws Exception {
        Recorder server = new Recorder();
        Listener[] listener = new Listener[1];
        Recorder client = new Recorder() {
            @Override public void onContainerStart(Container c) {
                super.onContainerStart(c);
                listener[0] = Peer.listen(c, server);
                c.connect(Peer.url(listener[0]));
            }
            @Override public void onConnectionOpen(Connection c) {
                super.onConnectionOpen(c);
                c.openSender("q");
            }
            @Override public void onSendable(Sender s) {
                super.onSendable(s);
                s.close();
            }
            @Override public void onSenderClose(Sender s) {
                super.onSenderClose(s);
                s.session().close();
            }
            @Override public void onSessionClose(Session s) {
                super.onSessionClose(s);
                s.connection().close();
            }
            @Override public void onConnectionClose(Connection c) {
                super.onConnectionClose(c);
                listener[0].stop();
            }
        };
        Run.bounded(new Container(client));
        assertEquals(List.of("container_start", "transport_open", "connection_open", "session_open", "sender_open",
                "sendable", "sender_close", "session_close", "connection_close", "transport_close", "container_stop"),
                client.events());
        assertEquals(List.of("transport_open", "connection_open", "session_open", "receiver_open", "receiver_close",
                "session_close", "connection_close", "transport_close"), server.events());
    }

    @Test
    public void serverSideDetachesAndCloses() throws Exception {
        Recorder server = new Recorder() {
            @Override public void onReceiverOpen(Receiver r) {
                super.onReceiverOpen(r);
                r.open();
                r.detach();
            }
            @Override public void onReceiverDetach(Receiver r) {
                super.onReceiverDetach(r);
                r.connection().close();
            }
        };
        Listener[] listener = new Listener[1];
        Recorder client = new Recorder() {
            @Override public void onTransportClose(io.jproton.Transport t) {
                super.onTransportClose(t);
                listener[0].stop();
            }
        };
        Run.bounded(new Container(new io.jproton.MessagingHandler() {
            @Override public void onContainerStart(Container c) {
                listener[0] = Peer.listen(c, server);
                c.connect(Peer.url(listener[0]), new io.jproton.ConnectionOptions().handler(client)).openSender("q");
            }
        }));
        assertEquals(List.of("transport_open", "connection_open", "session_open", "sender_open", "sender_detach",
                "connection_close", "transport_close"), client.events());
        assertEquals(List.of("transport_open", "connection_open", "session_open", "receiver_open", "receiver_detach",
                "connection_close", "transport_close"), server.events());
    }
}
