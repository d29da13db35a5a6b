package io.jproton.examples;

import io.jproton.Container;
import io.jproton.Delivery;
import io.jproton.Message;
import io.jproton.MessagingHandler;
import io.jproton.ReceiverOptions;
import io.jproton.Source;
import io.jproton.SourceOptions;
import io.jproton.Values;
import java.util.List;

/**
 * Browses a queue without consuming it (distribution mode copy), printing each body, as the C++
 * {@code queue_browser}: {@code queue_browser [URL [ADDRESS]]} (defaults //127.0.0.1:5672 and
 * examples). Runs until stopped.
 */
public final class QueueBrowser implements MessagingHandler {
    private final String url;
    private final String address;

    /**
     * @param url the broker URL
     * @param address the queue
     */
    public QueueBrowser(String url, String address) {
        this.url = url;
        this.address = address;
    }

    @Override
    public void onContainerStart(Container c) {
        ReceiverOptions ro = new ReceiverOptions().source(new SourceOptions().distributionMode(Source.DistributionMode.COPY));
        c.connect(url).openReceiver(address, ro);
    }

    @Override
    public void onMessage(Delivery d, Message m) {
        System.out.println(Values.format(m.body()));
    }

    /**
     * @param args {@code [URL [ADDRESS]]}
     */
    public static void main(String[] args) {
        List<String> rest = new Options("queue_browser").parse(args);
        String url = rest.size() > 0 ? rest.get(0) : "//127.0.0.1:5672";
        String address = rest.size() > 1 ? rest.get(1) : "examples";
        Main.exitOnError(() -> new Container(new QueueBrowser(url, address)).run());
    }
}
