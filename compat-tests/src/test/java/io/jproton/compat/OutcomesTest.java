package io.jproton.compat;

import static org.junit.Assert.assertEquals;

import io.jproton.Delivery;
import io.jproton.Message;
import io.jproton.MessagingHandler;
import io.jproton.ReceiverOptions;
import io.jproton.Sender;
import io.jproton.Tracker;
import io.jproton.Transfer;
import java.util.ArrayList;
import java.util.List;
import org.junit.Test;

/** The receiver's outcome (accept, reject, release, modify) as the sender sees it. */
public class OutcomesTest {

    @Test
    public void everyOutcomeReachesTheSender() throws Exception {
        List<String> outcomes = List.of("accept", "reject", "release", "modify");
        List<String> seen = new ArrayList<>();
        MessagingHandler client = new MessagingHandler() {
            int sent;
            int settled;

            @Override
            public void onSendable(Sender s) {
                while (s.credit() > 0 && sent < outcomes.size()) {
                    s.send(new Message(outcomes.get(sent++)));
                }
            }

            private void saw(Tracker t, String what) {
                seen.add(what + ":" + t.state());
            }

            @Override public void onTrackerAccept(Tracker t) { saw(t, "accept"); }
            @Override public void onTrackerReject(Tracker t) { saw(t, "reject"); }
            @Override public void onTrackerRelease(Tracker t) { saw(t, "release"); }

            @Override
            public void onTrackerSettle(Tracker t) {
                if (++settled == outcomes.size()) {
                    t.connection().close();
                }
            }
        };
        MessagingHandler server = new MessagingHandler() {
            @Override
            public void onReceiverOpen(io.jproton.Receiver r) {
                r.open(new ReceiverOptions().autoAccept(false));
            }

            @Override
            public void onMessage(Delivery d, Message m) {
                switch ((String) m.body()) {
                    case "accept" -> d.accept();
                    case "reject" -> d.reject();
                    case "release" -> d.release();
                    case "modify" -> d.modify();
                    default -> throw new AssertionError(m.body());
                }
                assertEquals("settled here by the outcome", true, d.locallySettled());
                assertEquals("not (yet) by the sender: settled() is the peer's, as C++", false, d.settled());
            }
        };
        Peer.pair(client, server, c -> c.openSender("q"));
        assertEquals(List.of("accept:" + Transfer.State.ACCEPTED, "reject:" + Transfer.State.REJECTED,
                "release:" + Transfer.State.RELEASED, "release:" + Transfer.State.MODIFIED), seen);
    }
}
