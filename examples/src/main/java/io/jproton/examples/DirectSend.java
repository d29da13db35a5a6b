package io.jproton.examples;

import io.jproton.Container;
import io.jproton.Listener;
import io.jproton.MessagingHandler;
import io.jproton.Sender;
import io.jproton.Tracker;
import io.jproton.Transport;

/**
 * Listens, and sends COUNT messages to the receiver that connects, as the C++ {@code direct_send}:
 * prints {@code listening on PORT}, then {@code all messages confirmed}.
 *
 * <p>Options: {@code -a/--address URL} (default 127.0.0.1:5672/examples), {@code -m/--messages COUNT} (default 100).
 */
public final class DirectSend implements MessagingHandler {
    private final String url;
    private final int total;
    private Listener listener;
    private int sent;
    private int confirmed;

    /**
     * @param url URL to listen on
     * @param total messages to send
     */
    public DirectSend(String url, int total) {
        this.url = url;
        this.total = total;
    }

    @Override
    public void onContainerStart(Container c) {
        listener = c.listen(url, new ListenPrinter());
    }

    @Override
    public void onSendable(Sender sender) {
        while (sender.credit() > 0 && sent < total) {
            sender.send(Sequence.message(sent + 1));
            sent++;
        }
    }

    @Override
    public void onTrackerAccept(Tracker t) {
        confirmed++;
        if (confirmed == total) {
            System.out.println("all messages confirmed");
            t.connection().close();
            listener.stop();
        }
    }

    @Override
    public void onTransportClose(Transport t) {
        sent = confirmed;
    }

    /**
     * @param args the command line
     */
    public static void main(String[] args) {
        String[] a = {"127.0.0.1:5672/examples"};
        int[] count = {100};
        new Options("direct_send")
                .value('a', "address", "listen and send on URL", "URL", a[0], v -> a[0] = v)
                .value('m', "messages", "send COUNT messages", "COUNT", "100", v -> count[0] = Options.parseInt(v))
                .parse(args);
        Main.exitOnError(() -> new Container(new DirectSend(a[0], count[0])).run());
    }
}
