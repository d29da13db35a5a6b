package io.jproton.examples;

import io.jproton.Connection;
import io.jproton.ConnectionOptions;
import io.jproton.Container;
import io.jproton.Delivery;
import io.jproton.ListenHandler;
import io.jproton.Listener;
import io.jproton.Message;
import io.jproton.MessagingHandler;
import io.jproton.Receiver;
import io.jproton.ReceiverOptions;
import io.jproton.Sender;
import io.jproton.Values;

/**
 * Credit-based flow control in four stages between a sender and a receiver in one container, as
 * the C++ {@code flow_control}: simple credit, drain, drain without credit, and a high/low
 * watermark. Prints a {@code success: ...} line per stage; {@code -q/--quiet} drops the commentary.
 */
public final class FlowControl implements MessagingHandler {
    private static boolean verbose = true;

    private final FlowSender sendHandler = new FlowSender();
    private final FlowReceiver receiveHandler = new FlowReceiver(sendHandler);
    private Listener listener;

    static void verify(boolean success, String msg) {
        if (!success) {
            throw new IllegalStateException("example failure:" + msg);
        }
        System.out.println("success: " + msg);
        if (verbose) {
            System.out.println();
        }
    }

    /** Sends what is available while there is credit; answers a drain by returning what is left. */
    static final class FlowSender implements MessagingHandler {
        private int available;
        private int sequence;

        void sendAvailable(Sender s) {
            while (available > 0 && s.credit() > 0) {
                s.send(new Message("flow_sender message " + sequence++));
                available--;
            }
        }

        @Override
        public void onSendable(Sender s) {
            if (verbose) {
                System.out.println("flow_sender in \"on_sendable\" with credit " + s.credit() + " and " + available
                        + " available messages");
            }
            sendAvailable(s);
        }

        @Override
        public void onSenderDrainStart(Sender s) {
            if (verbose) {
                System.out.println("flow_sender in \"on_drain_start\" with credit " + s.credit() + " and " + available
                        + " available messages");
            }
            sendAvailable(s);
            if (s.credit() > 0) {
                s.returnCredit();
            }
        }
    }

    /** Walks through the four stages. */
    static final class FlowReceiver implements MessagingHandler {
        private final FlowSender sender;
        private int stage;
        private int received;

        FlowReceiver(FlowSender sender) {
            this.sender = sender;
        }

        private void setup(int n) {
            received = 0;
            sender.available = n;
        }

        private void runStage(Receiver r, String caller) {
            switch (stage) {
                case 0 -> {
                    if (verbose) System.out.println("Example 1.  Simple use of credit.");
                    setup(2);
                    r.addCredit(2);
                }
                case 1 -> {
                    if (r.credit() > 0) return;
                    verify(received == 2, "Example 1: simple credit");
                    if (verbose) System.out.println("Example 2.   Use basic drain, sender has 3 \"immediate\" messages.");
                    setup(3);
                    r.addCredit(5);
                    r.drain();
                }
                case 2 -> {
                    if (caller.equals("on_message")) return;
                    if (!caller.equals("on_receiver_drain_finish")) {
                        verify(false, "example 2 run_stage");
                        return;
                    }
                    verify(received == 3 && r.credit() == 0, "Example 2: basic drain");
                    if (verbose) System.out.println("Example 3. Drain use with no credit.");
                    setup(0);
                    r.drain();
                }
                case 3 -> {
                    verify(caller.equals("on_receiver_drain_finish") && received == 0, "Example 3: drain without credit");
                    if (verbose) System.out.println("Example 4. Show using high(10)/low(3) watermark for 25 messages.");
                    setup(25);
                    r.addCredit(10);
                }
                case 4 -> {
                    if (received < 25) {
                        int credit = r.credit();
                        if (credit <= 3) {
                            int newCredit = Math.min(10, 25 - received);
                            if (newCredit > credit) {
                                r.addCredit(newCredit - credit);
                                if (verbose) System.out.println("flow_receiver adding credit for " + (newCredit - credit) + " messages");
                            }
                        }
                        return;
                    }
                    verify(received == 25 && r.credit() == 0, "Example 4: high/low watermark");
                    r.connection().close();
                }
                default -> throw new IllegalStateException("run_stage sequencing error");
            }
            stage++;
        }

        @Override
        public void onReceiverOpen(Receiver r) {
            runStage(r, "on_receiver_open");
        }

        @Override
        public void onMessage(Delivery d, Message m) {
            if (verbose) System.out.println("flow_receiver in \"on_message\" with " + Values.format(m.body()));
            received++;
            runStage(d.receiver(), "on_message");
        }

        @Override
        public void onReceiverDrainFinish(Receiver r) {
            if (verbose) System.out.println("flow_receiver in \"on_receiver_drain_finish\"");
            runStage(r, "on_receiver_drain_finish");
        }
    }

    @Override
    public void onContainerStart(Container c) {
        listener = c.listen("//:0", new ListenHandler() {
            @Override
            public void onOpen(Listener l) {
                l.container().connect("//:" + l.port() + "/example");
            }

            @Override
            public ConnectionOptions onAccept(Listener l) {
                return new ConnectionOptions().handler(sendHandler);
            }
        });
    }

    @Override
    public void onConnectionOpen(Connection c) {
        c.openReceiver("flow_example", new ReceiverOptions().handler(receiveHandler).creditWindow(0));
    }

    @Override
    public void onConnectionClose(Connection c) {
        listener.stop();
    }

    /**
     * @param args {@code [-q]}
     */
    public static void main(String[] args) {
        new Options("flow_control")
                .flag('q', "quiet", "suppress additional commentary of credit allocation and consumption", () -> verbose = false)
                .parse(args);
        Main.exitOnError(() -> new Container(new FlowControl()).run());
    }
}
