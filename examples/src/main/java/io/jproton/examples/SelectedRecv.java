package io.jproton.examples;

import io.jproton.Container;
import io.jproton.Delivery;
import io.jproton.Described;
import io.jproton.Message;
import io.jproton.MessagingHandler;
import io.jproton.ReceiverOptions;
import io.jproton.SourceOptions;
import io.jproton.Symbol;
import io.jproton.Values;
import java.util.List;
import java.util.Map;

/**
 * Receives only the messages that match a JMS selector ({@code colour = 'green'}), printing each
 * body, as the C++ {@code selected_recv}: {@code selected_recv [URL [ADDRESS]]}. Runs until stopped.
 */
public final class SelectedRecv implements MessagingHandler {
    private final String url;
    private final String address;

    /**
     * @param url the broker URL
     * @param address the queue
     */
    public SelectedRecv(String url, String address) {
        this.url = url;
        this.address = address;
    }

    /**
     * @param selector a JMS selector
     * @return source options carrying it as an apache.org selector filter
     */
    static SourceOptions selector(String selector) {
        return new SourceOptions().filters(Map.of("selector",
                new Described(Symbol.of("apache.org:selector-filter:string"), selector)));
    }

    @Override
    public void onContainerStart(Container c) {
        c.connect(url).openReceiver(address, new ReceiverOptions().source(selector("colour = 'green'")));
    }

    @Override
    public void onMessage(Delivery d, Message m) {
        System.out.println(Values.format(m.body()));
    }

    /**
     * @param args {@code [URL [ADDRESS]]}
     */
    public static void main(String[] args) {
        List<String> rest = new Options("selected_recv").parse(args);
        String url = rest.size() > 0 ? rest.get(0) : "//127.0.0.1:5672";
        String address = rest.size() > 1 ? rest.get(1) : "examples";
        Main.exitOnError(() -> new Container(new SelectedRecv(url, address)).run());
    }
}
