package io.jproton.compat;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import io.jproton.Connection;
import io.jproton.ConnectionOptions;
import io.jproton.Container;
import io.jproton.Delivery;
import io.jproton.DeliveryMode;
import io.jproton.Listener;
import io.jproton.Message;
import io.jproton.MessagingHandler;
import io.jproton.Receiver;
import io.jproton.ReceiverOptions;
import io.jproton.Sender;
import io.jproton.SenderOptions;
import io.jproton.Tracker;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.apache.qpid.proton.amqp.messaging.Accepted;
import org.apache.qpid.proton.amqp.messaging.Released;
import org.apache.qpid.proton.amqp.transport.Disposition;
import org.apache.qpid.proton.amqp.transport.Role;
import org.apache.qpid.proton.amqp.transport.Transfer;
import org.junit.Test;

/**
 * Who settles what, when, and what each side sees: at-most-once, at-least-once, settled first by
 * the sender, settled first by the receiver. For each: the frames on the wire (recorded by a
 * sniffing proxy), the callbacks on each side, and what {@code settled()} (the peer's settlement,
 * as C++) and {@code locallySettled()} say. Runs on both containers.
 */
public class SettlementMatrixTest {
    private static final int COUNT = 3;

    /** What one run recorded. */
    static final class Run {
        final List<String> client = new ArrayList<>();
        final List<String> server = new ArrayList<>();
        List<FrameSniffer.Seen> frames;

        long count(List<String> events, String e) {
            return events.stream().filter(e::equals).count();
        }

        List<Transfer> transfers() {
            List<Transfer> out = new ArrayList<>();
            for (FrameSniffer.Seen s : frames) {
                if (s.fromClient() && s.frame().body() instanceof Transfer t) {
                    out.add(t);
                }
            }
            return out;
        }

        List<Disposition> dispositions(boolean fromClient) {
            List<Disposition> out = new ArrayList<>();
            for (FrameSniffer.Seen s : frames) {
                if (s.fromClient() == fromClient && s.frame().body() instanceof Disposition d) {
                    out.add(d);
                }
            }
            return out;
        }
    }

    /**
     * Runs a client that sends COUNT messages with the sender options to a server whose receiver
     * has the receiver options; each side's handler records and acts through the given hooks.
     */
    private Run run(SenderOptions so, ReceiverOptions ro, Recorder client, Recorder server) throws Exception {
        Run r = new Run();
        FrameSniffer[] sniffer = {null};
        io.jproton.compat.Run.bounded(new Container(new MessagingHandler() {
            @Override
            public void onContainerStart(Container c) {
                Listener l = Peer.listenOnce(c, new ServerSide(ro, server));
                try {
                    sniffer[0] = new FrameSniffer(l.port());
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
                c.connect("127.0.0.1:" + sniffer[0].port(), new ConnectionOptions().handler(client)).openSender("q", so);
            }
        }));
        sniffer[0].close();
        r.frames = sniffer[0].frames();
        r.client.addAll(client.events());
        r.server.addAll(server.events());
        return r;
    }

    /** The server's handler: opens the peer's receiver with the options, then hands callbacks to the recorder. */
    private static final class ServerSide implements MessagingHandler {
        private final ReceiverOptions options;
        private final Recorder recorder;

        ServerSide(ReceiverOptions options, Recorder recorder) {
            this.options = options;
            this.recorder = recorder;
        }

        @Override
        public void onReceiverOpen(Receiver r) {
            r.open(options);
        }

        @Override
        public void onMessage(Delivery d, Message m) {
            recorder.onMessage(d, m);
        }

        @Override
        public void onDeliverySettle(Delivery d) {
            recorder.onDeliverySettle(d);
        }

        @Override
        public void onConnectionClose(Connection c) {
            recorder.onConnectionClose(c);
        }
    }

    /** A client that sends COUNT messages, and closes once {@code done} holds for its events. */
    private static class Client extends Recorder {
        final List<Tracker> trackers = new ArrayList<>();
        final List<Boolean> locallySettledAtSend = new ArrayList<>();
        final List<Boolean> settledAtAccept = new ArrayList<>();
        private final java.util.function.Predicate<Client> done;
        private final Consumer<Tracker> afterSend;
        private int sent;

        Client(java.util.function.Predicate<Client> done, Consumer<Tracker> afterSend) {
            this.done = done;
            this.afterSend = afterSend;
        }

        @Override
        public void onSendable(Sender s) {
            while (s.credit() > 0 && sent < COUNT) {
                Tracker t = s.send(new Message("m" + sent++));
                trackers.add(t);
                locallySettledAtSend.add(t.locallySettled());
                afterSend.accept(t);
            }
            check(s.connection());
        }

        @Override
        public void onTrackerAccept(Tracker t) {
            super.onTrackerAccept(t);
            settledAtAccept.add(t.settled());
            check(t.connection());
        }

        @Override
        public void onTrackerRelease(Tracker t) {
            super.onTrackerRelease(t);
            check(t.connection());
        }

        @Override
        public void onTrackerSettle(Tracker t) {
            super.onTrackerSettle(t);
            check(t.connection());
        }

        void check(Connection c) {
            if (sent == COUNT && done.test(this) && c.active()) {
                c.close();
            }
        }
    }

    @Test
    public void atMostOnce() throws Exception {
        List<Boolean> settledInOnMessage = new ArrayList<>();
        Client client = new Client(c -> true, t -> { });
        Recorder server = new Recorder() {
            @Override
            public void onMessage(Delivery d, Message m) {
                super.onMessage(d, m);
                settledInOnMessage.add(d.settled());
            }
        };
        Run r = run(new SenderOptions().deliveryMode(DeliveryMode.AT_MOST_ONCE), new ReceiverOptions(), client, server);
        assertEquals(COUNT, r.transfers().size());
        r.transfers().forEach(t -> assertTrue("sent pre-settled", t.getSettled()));
        assertEquals("the receiver sends no outcome for a pre-settled delivery: " + r.frames, List.of(), r.dispositions(false));
        assertEquals(List.of(), r.dispositions(true));
        assertEquals(List.of(true, true, true), client.locallySettledAtSend);
        assertEquals("settled() in onMessage: the sender (the peer) settled it", List.of(true, true, true), settledInOnMessage);
        assertEquals(0, r.count(r.client, "tracker_accept") + r.count(r.client, "tracker_settle"));
        for (Tracker t : client.trackers) {
            assertFalse("the receiver never settles it: settled() stays false", t.settled());
        }
    }

    @Test
    public void atLeastOnceTheReceiverSettlesFirst() throws Exception {
        List<Boolean> inOnMessage = new ArrayList<>();
        Client client = new Client(c -> c.events().stream().filter("tracker_settle"::equals).count() == COUNT, t -> { });
        Recorder server = new Recorder() {
            @Override
            public void onMessage(Delivery d, Message m) {
                super.onMessage(d, m);
                inOnMessage.add(d.settled());
                inOnMessage.add(d.locallySettled());
            }
        };
        Run r = run(new SenderOptions(), new ReceiverOptions(), client, server);
        r.transfers().forEach(t -> assertFalse("sent unsettled", t.getSettled()));
        List<Disposition> fromServer = r.dispositions(false);
        assertFalse(fromServer.isEmpty());
        for (Disposition d : fromServer) {
            assertEquals(Role.RECEIVER, d.getRole());
            assertTrue("accepted and settled at once", d.getSettled() && d.getState() instanceof Accepted);
        }
        assertEquals("the sender settles after the receiver: nothing more goes back", List.of(), r.dispositions(true));
        assertEquals(List.of(false, false, false, false, false, false), inOnMessage);
        assertEquals(COUNT, r.count(r.client, "tracker_accept"));
        assertEquals(COUNT, r.count(r.client, "tracker_settle"));
        assertEquals("settled() in onTrackerAccept: the receiver settled with its outcome", List.of(true, true, true),
                client.settledAtAccept);
        assertEquals(0, r.count(r.server, "delivery_settle"));
        for (Tracker t : client.trackers) {
            assertTrue(t.settled() && t.locallySettled());
        }
    }

    @Test
    public void theSenderSettlesFirst() throws Exception {
        // the sender settles each message soon after it went out, before the receiver (which waits) has settled it
        List<Boolean> atDeliverySettle = new ArrayList<>();
        Client client = new Client(c -> false, // the server closes once it has seen every settlement
                t -> t.container().schedule(Duration.ofMillis(50), t::settle));
        Recorder server = new Recorder() {
            @Override
            public void onDeliverySettle(Delivery d) {
                super.onDeliverySettle(d);
                atDeliverySettle.add(d.settled());
                d.accept(); // too late: the sender has forgotten it, so nothing goes back
                if (count(events(), "delivery_settle") == COUNT) {
                    d.connection().close();
                }
            }

            long count(List<String> events, String e) {
                return events.stream().filter(e::equals).count();
            }
        };
        Run r = run(new SenderOptions(), new ReceiverOptions().autoAccept(false), client, server);
        List<Disposition> fromClient = r.dispositions(true);
        assertEquals("one settling disposition per message from the sender: " + r.frames, COUNT, fromClient.stream()
                .mapToLong(d -> (d.getLast() == null ? d.getFirst().longValue() : d.getLast().longValue()) - d.getFirst().longValue() + 1)
                .sum());
        fromClient.forEach(d -> assertTrue(d.getRole() == Role.SENDER && d.getSettled()));
        assertEquals("the receiver's late accept of a settled delivery sends nothing", List.of(), r.dispositions(false));
        assertEquals(List.of(true, true, true), atDeliverySettle);
        assertEquals(0, r.count(r.client, "tracker_accept"));
    }

    @Test
    public void theReceiverReleases() throws Exception {
        Client client = new Client(c -> c.events().stream().filter("tracker_settle"::equals).count() == COUNT, t -> { });
        Recorder server = new Recorder() {
            @Override
            public void onMessage(Delivery d, Message m) {
                super.onMessage(d, m);
                d.release();
            }
        };
        Run r = run(new SenderOptions(), new ReceiverOptions().autoAccept(false), client, server);
        for (Disposition d : r.dispositions(false)) {
            assertTrue(d.getSettled() && d.getState() instanceof Released);
        }
        assertEquals(COUNT, r.count(r.client, "tracker_release"));
        assertEquals(COUNT, r.count(r.client, "tracker_settle"));
        assertEquals(List.of(), r.dispositions(true));
    }
}
