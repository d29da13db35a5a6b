package io.jproton.compat;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import io.jproton.Delivery;
import io.jproton.Message;
import io.jproton.MessagingHandler;
import io.jproton.Receiver;
import io.jproton.ReceiverOptions;
import io.jproton.Sender;
import java.util.ArrayList;
import java.util.List;
import org.junit.Test;

/** Credit: the receiver's window, manual credit, and drain. */
public class FlowControlTest {

    /** Sends while it has credit, up to a total; records the credit it saw first. */
    static class CountingSender implements MessagingHandler {
        final int total;
        int sent;
        int firstCredit = -1;
        boolean drainStarted;

        CountingSender(int total) {
            this.total = total;
        }

        @Override
        public void onSendable(Sender s) {
            if (firstCredit < 0) {
                firstCredit = s.credit();
            }
            while (s.credit() > 0 && sent < total) {
                s.send(new Message(sent++));
            }
        }

        @Override
        public void onSenderDrainStart(Sender s) {
            drainStarted = true;
            s.returnCredit();
        }
    }

    @Test
    public void creditWindowIsGrantedAndToppedUp() throws Exception {
        CountingSender server = new CountingSender(50);
        List<Object> got = new ArrayList<>();
        MessagingHandler client = new MessagingHandler() {
            @Override
            public void onMessage(Delivery d, Message m) {
                got.add(m.body());
                if (got.size() == 50) {
                    d.connection().close();
                }
            }
        };
        Peer.pair(client, server, c -> c.openReceiver("q", new ReceiverOptions().creditWindow(7)));
        assertEquals(7, server.firstCredit);
        assertEquals(50, server.sent);
        assertEquals(50, got.size());
        for (int i = 0; i < 50; i++) {
            assertEquals(i, got.get(i));
        }
    }

    @Test
    public void manualCreditLimitsWhatTheSenderMaySend() throws Exception {
        CountingSender server = new CountingSender(100);
        int[] received = {0};
        int[] creditAfterThree = {-1};
        MessagingHandler client = new MessagingHandler() {
            @Override
            public void onReceiverOpen(Receiver r) {
                r.addCredit(3);
            }

            @Override
            public void onMessage(Delivery d, Message m) {
                received[0]++;
                if (received[0] == 3) {
                    creditAfterThree[0] = d.receiver().credit();
                    d.receiver().addCredit(2);
                } else if (received[0] == 5) {
                    d.connection().close();
                }
            }
        };
        Peer.pair(client, server, c -> c.openReceiver("q", new ReceiverOptions().creditWindow(0)));
        assertEquals(3, server.firstCredit);
        assertEquals(0, creditAfterThree[0]);
        assertEquals(5, received[0]);
        assertEquals("the sender may send only what credit allows", 5, server.sent);
    }

    @Test
    public void drainEndsWithZeroCredit() throws Exception {
        CountingSender server = new CountingSender(2);
        List<String> events = new ArrayList<>();
        MessagingHandler client = new MessagingHandler() {
            int received;

            @Override
            public void onReceiverOpen(Receiver r) {
                r.addCredit(10);
            }

            @Override
            public void onMessage(Delivery d, Message m) {
                if (++received == 2) {
                    events.add("drain");
                    d.receiver().drain();
                }
            }

            @Override
            public void onReceiverDrainFinish(Receiver r) {
                events.add("drain_finish credit=" + r.credit());
                r.connection().close();
            }
        };
        Peer.pair(client, server, c -> c.openReceiver("q", new ReceiverOptions().creditWindow(0)));
        assertTrue("sender saw the drain request", server.drainStarted);
        assertEquals(List.of("drain", "drain_finish credit=0"), events);
    }
}
