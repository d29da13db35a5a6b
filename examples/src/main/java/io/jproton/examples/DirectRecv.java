package io.jproton.examples;

import io.jproton.Container;
import io.jproton.Delivery;
import io.jproton.Listener;
import io.jproton.Message;
import io.jproton.MessagingHandler;
import io.jproton.Values;

/**
 * Listens, and receives COUNT messages from the sender that connects, printing each body, as the
 * C++ {@code direct_recv}.
 *
 * <p>Options: {@code -a/--address URL} (default 127.0.0.1:5672/examples), {@code -m/--messages COUNT} (default 100).
 */
public final class DirectRecv implements MessagingHandler {
    private final String url;
    private final int expected;
    private Listener listener;
    private int received;

    /**
     * @param url URL to listen on
     * @param expected messages to receive
     */
    public DirectRecv(String url, int expected) {
        this.url = url;
        this.expected = expected;
    }

    @Override
    public void onContainerStart(Container c) {
        listener = c.listen(url, new ListenPrinter());
    }

    @Override
    public void onMessage(Delivery d, Message msg) {
        if (msg.id() != null && Sequence.asLong(msg.id()) < received) {
            return; // a duplicate
        }
        if (expected == 0 || received < expected) {
            System.out.println(Values.format(msg.body()));
            received++;
        }
        if (received == expected) {
            d.receiver().close();
            d.connection().close();
            listener.stop();
        }
    }

    /**
     * @param args the command line
     */
    public static void main(String[] args) {
        String[] a = {"127.0.0.1:5672/examples"};
        int[] count = {100};
        new Options("direct_recv")
                .value('a', "address", "listen and receive on URL", "URL", a[0], v -> a[0] = v)
                .value('m', "messages", "receive COUNT messages", "COUNT", "100", v -> count[0] = Options.parseInt(v))
                .parse(args);
        Main.exitOnError(() -> new Container(new DirectRecv(a[0], count[0])).run());
    }
}
