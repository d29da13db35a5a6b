package io.jproton.examples;

import io.jproton.Connection;
import io.jproton.ConnectionOptions;
import io.jproton.Container;
import io.jproton.Delivery;
import io.jproton.Message;
import io.jproton.MessagingHandler;
import io.jproton.ReconnectOptions;
import io.jproton.Sender;
import io.jproton.Values;
import java.util.List;

/**
 * Sends numbered messages to an address and receives them back, one at a time, reconnecting (and
 * failing over) when the connection is lost, as the C++ {@code reconnect_client}:
 * {@code reconnect_client URL ADDRESS COUNT [FAILOVER-URL...]}. Prints each body received.
 */
public final class ReconnectClient implements MessagingHandler {
    private final String url;
    private final String address;
    private final int expected;
    private final List<String> failovers;
    private Sender sender;
    private int sent;
    private int received;

    /** @param url URL @param address address @param expected messages @param failovers failover URLs */
    public ReconnectClient(String url, String address, int expected, List<String> failovers) {
        this.url = url;
        this.address = address;
        this.expected = expected;
        this.failovers = failovers;
    }

    @Override
    public void onContainerStart(Container c) {
        c.connect(url, new ConnectionOptions().reconnect(new ReconnectOptions()).failoverUrls(failovers));
    }

    @Override
    public void onConnectionOpen(Connection c) {
        if (!c.reconnected()) {
            c.openReceiver(address); // after a reconnect the links are opened again for us
            c.openSender(address);
        }
        sent = received; // after a reconnect the last message sent may be lost: send it again
        System.out.println("simple_recv listening on " + url);
    }

    @Override
    public void onMessage(Delivery d, Message msg) {
        if (msg.id() != null && Sequence.asLong(msg.id()) < received) {
            return; // a duplicate
        }
        if (expected == 0 || received < expected) {
            System.out.println(Values.format(msg.body()));
            received++;
            if (received == expected) {
                d.receiver().close();
                sender.close();
                d.connection().close();
            } else {
                send(sender);
            }
        }
    }

    private void send(Sender s) {
        while (s.credit() > 0 && sent < received + 1) {
            System.out.println("Sending: " + (sent + 1));
            s.send(Sequence.message(sent + 1));
            sent++;
        }
    }

    @Override
    public void onSenderOpen(Sender s) {
        sender = s;
    }

    @Override
    public void onSendable(Sender s) {
        sender = s;
        send(s);
    }

    /** @param args {@code URL ADDRESS COUNT [FAILOVER-URL...]} */
    public static void main(String[] args) {
        Options opts = new Options("reconnect_client URL ADDRESS COUNT [FAILOVER-URL...]");
        List<String> rest = opts.parse(args);
        if (rest.size() < 3) {
            opts.fail("expected URL, ADDRESS and COUNT");
        }
        int count = Options.parseInt(rest.get(2));
        List<String> failovers = rest.subList(3, rest.size());
        Main.exitOnError(() -> new Container(new ReconnectClient(rest.get(0), rest.get(1), count, failovers)).run());
    }
}
