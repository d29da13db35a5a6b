package io.jproton.examples;

import io.jproton.Delivery;
import io.jproton.EnginePair;
import io.jproton.Message;
import io.jproton.MessagingHandler;
import io.jproton.Sender;
import io.jproton.Tracker;
import io.jproton.Values;

/**
 * Two connection engines talking AMQP in memory, with no sockets and no threads:
 * {@code connection_engine [-m COUNT]}. Prints each body the server receives, then
 * {@code COUNT messages sent and received in memory}.
 */
public final class ConnectionEngineExample {
    private ConnectionEngineExample() {}

    /**
     * @param args the command line
     */
    public static void main(String[] args) {
        int[] count = {10};
        new Options("connection_engine")
                .value('m', "messages", "send COUNT messages", "COUNT", "10", v -> count[0] = Options.parseInt(v))
                .parse(args);
        int[] accepted = {0};
        MessagingHandler client = new MessagingHandler() {
            int sent;

            @Override
            public void onSendable(Sender s) {
                while (s.credit() > 0 && sent < count[0]) {
                    s.send(new Message("message " + ++sent));
                }
            }

            @Override
            public void onTrackerAccept(Tracker t) {
                if (++accepted[0] == count[0]) {
                    t.connection().close();
                }
            }
        };
        MessagingHandler server = new MessagingHandler() {
            @Override
            public void onMessage(Delivery d, Message m) {
                System.out.println(Values.format(m.body()));
            }
        };
        EnginePair pair = new EnginePair(client, server);
        pair.client().connection().openSender("examples");
        pair.run(1_000_000);
        System.out.println(accepted[0] + " messages sent and received in memory");
        System.exit(accepted[0] == count[0] ? 0 : 1);
    }
}
