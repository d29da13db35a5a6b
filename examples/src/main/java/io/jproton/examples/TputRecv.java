package io.jproton.examples;

import io.jproton.Container;
import io.jproton.Delivery;
import io.jproton.Listener;
import io.jproton.Message;
import io.jproton.MessagingHandler;
import io.jproton.ReceiverOptions;
import java.util.List;

/**
 * Throughput receiver for the W1 benchmark: {@code tput_recv HOST:PORT COUNT [--credit N]}.
 * Listens (prints {@code listening on PORT}), receives COUNT messages with a credit window of N
 * (default 1000), then prints {@code tput_recv: COUNT messages in SECONDS s, RATE msg/s}, timed
 * from the first message to the last.
 */
public final class TputRecv implements MessagingHandler {
    private final String url;
    private final int count;
    private final int credit;
    private Listener listener;
    private int received;
    private long start;

    /**
     * @param url where to listen
     * @param count messages
     * @param credit credit window
     */
    public TputRecv(String url, int count, int credit) {
        this.url = url;
        this.count = count;
        this.credit = credit;
    }

    @Override
    public void onContainerStart(Container c) {
        c.receiverOptions(new ReceiverOptions().creditWindow(credit));
        listener = c.listen(url, new ListenPrinter());
    }

    @Override
    public void onMessage(Delivery d, Message m) {
        if (received++ == 0) {
            start = System.nanoTime();
        }
        if (received == count) {
            TputSend.report("tput_recv", count, System.nanoTime() - start);
            d.connection().close();
            listener.stop();
        }
    }

    /**
     * @param args {@code HOST:PORT COUNT [--credit N]}
     */
    public static void main(String[] args) {
        int[] credit = {1000};
        boolean[] metrics = {false};
        Options opts = new Options("tput_recv HOST:PORT COUNT")
                .value('c', "credit", "credit window", "N", "1000", v -> credit[0] = Options.parseInt(v))
                .flag('M', "metrics", "count into Micrometer meters (what it costs)", () -> metrics[0] = true);
        List<String> rest = opts.parse(args);
        if (rest.size() != 2) {
            opts.fail("expected HOST:PORT and COUNT");
        }
        int count = Options.parseInt(rest.get(1));
        Main.exitOnError(() -> Metrics.maybe(new Container(new TputRecv(rest.get(0), count, credit[0])), metrics[0]).run());
    }
}
