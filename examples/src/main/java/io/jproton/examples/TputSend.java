package io.jproton.examples;

import io.jproton.Connection;
import io.jproton.Container;
import io.jproton.DeliveryMode;
import io.jproton.Message;
import io.jproton.MessagingHandler;
import io.jproton.Sender;
import io.jproton.SenderOptions;
import io.jproton.Tracker;
import java.util.List;

/**
 * Throughput sender for the W1 benchmark: {@code tput_send URL COUNT [--size BYTES] [--presettled]}.
 * Connects, sends COUNT messages with a binary body of BYTES bytes (default 100) as fast as credit
 * allows, and prints {@code tput_send: COUNT messages in SECONDS s, RATE msg/s}. At-least-once
 * (default) ends at the last accept; {@code --presettled} sends at-most-once and ends when the
 * receiver, having received everything, closes the connection.
 */
public final class TputSend implements MessagingHandler {
    private final String url;
    private final int count;
    private final boolean presettled;
    private final Message message;
    private int sent;
    private int confirmed;
    private long start;

    /**
     * @param url URL
     * @param count messages
     * @param size body bytes
     * @param presettled at-most-once
     */
    public TputSend(String url, int count, int size, boolean presettled) {
        this.url = url;
        this.count = count;
        this.presettled = presettled;
        this.message = new Message(new byte[size]);
    }

    @Override
    public void onContainerStart(Container c) {
        c.openSender(url, new SenderOptions().deliveryMode(presettled ? DeliveryMode.AT_MOST_ONCE : DeliveryMode.AT_LEAST_ONCE));
    }

    @Override
    public void onSendable(Sender s) {
        if (start == 0) {
            start = System.nanoTime();
        }
        while (s.credit() > 0 && sent < count) {
            s.send(message);
            sent++;
        }
    }

    @Override
    public void onConnectionClose(Connection c) {
        // pre-settled: the receiver closes once it has every message; that is the end of the run
        if (presettled) {
            report("tput_send", count, System.nanoTime() - start);
        }
    }

    @Override
    public void onTrackerAccept(Tracker t) {
        if (++confirmed == count) {
            report("tput_send", count, System.nanoTime() - start);
            t.connection().close();
        }
    }

    static void report(String who, int count, long nanos) {
        double seconds = nanos / 1e9;
        System.out.printf(java.util.Locale.ROOT, "%s: %d messages in %.3f s, %.0f msg/s%n", who, count, seconds, count / seconds);
    }

    /**
     * @param args {@code URL COUNT [--size BYTES] [--presettled]}
     */
    public static void main(String[] args) {
        int[] size = {100};
        boolean[] presettled = {false};
        boolean[] metrics = {false};
        Options opts = new Options("tput_send URL COUNT")
                .value('s', "size", "message body size in bytes", "BYTES", "100", v -> size[0] = Options.parseInt(v))
                .flag('P', "presettled", "send pre-settled (at-most-once)", () -> presettled[0] = true)
                .flag('M', "metrics", "count into Micrometer meters (what it costs)", () -> metrics[0] = true);
        List<String> rest = opts.parse(args);
        if (rest.size() != 2) {
            opts.fail("expected URL and COUNT");
        }
        int count = Options.parseInt(rest.get(1));
        Main.exitOnError(() -> Metrics.maybe(new Container(new TputSend(rest.get(0), count, size[0], presettled[0])),
                metrics[0]).run());
    }
}
