package io.jproton.examples;

import io.jproton.Connection;
import io.jproton.Container;
import io.jproton.Delivery;
import io.jproton.Listener;
import io.jproton.Message;
import io.jproton.MessagingHandler;
import io.jproton.Sender;
import java.util.List;

/**
 * Sends {@code Hello World!} to itself through a broker and prints it, as the C++
 * {@code helloworld} example: {@code helloworld [URL [ADDRESS]]}. With no URL it needs nothing
 * else running: it starts an in-process broker on an ephemeral loopback port and uses that.
 */
public final class HelloWorld implements MessagingHandler {
    private final String url;
    private final String address;
    private Listener embedded;

    /**
     * @param url the broker URL, or null for the in-process broker
     * @param address the address
     */
    public HelloWorld(String url, String address) {
        this.url = url;
        this.address = address;
    }

    @Override
    public void onContainerStart(Container c) {
        if (url == null) {
            embedded = c.listen("127.0.0.1:0", new Broker.Queues().listenHandler(false));
            c.connect("127.0.0.1:" + embedded.port());
        } else {
            c.connect(url);
        }
    }

    @Override
    public void onConnectionOpen(Connection c) {
        c.openReceiver(address);
        c.openSender(address);
    }

    @Override
    public void onSendable(Sender s) {
        s.send(new Message("Hello World!"));
        s.close();
    }

    @Override
    public void onMessage(Delivery d, Message m) {
        System.out.println(io.jproton.Values.format(m.body()));
        d.connection().close();
        if (embedded != null) {
            embedded.stop();
        }
    }

    /**
     * @param args {@code [URL [ADDRESS]]}
     */
    public static void main(String[] args) {
        List<String> rest = new Options("helloworld").parse(args);
        String url = rest.size() > 0 ? rest.get(0) : null;
        String address = rest.size() > 1 ? rest.get(1) : "examples";
        Main.exitOnError(() -> new Container(new HelloWorld(url, address)).run());
    }
}
