package io.jproton.examples;

import io.jproton.Connection;
import io.jproton.Container;
import io.jproton.Delivery;
import io.jproton.Message;
import io.jproton.MessagingHandler;
import io.jproton.Sender;
import io.jproton.Values;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Answers requests from a broker address with their upper-case text, sent to each request's
 * reply-to address, as the C++ {@code server}: {@code server [URL [ADDRESS]]}
 * (defaults {@code //127.0.0.1:5672} and {@code examples}).
 */
public final class Server implements MessagingHandler {
    private final String url;
    private final String address;
    private final Map<String, Sender> senders = new HashMap<>();
    private Connection connection;

    /**
     * @param url the broker URL
     * @param address the request address
     */
    public Server(String url, String address) {
        this.url = url;
        this.address = address;
    }

    @Override
    public void onContainerStart(Container c) {
        connection = c.connect(url);
        connection.openReceiver(address);
        System.out.println("Server connected to " + url);
    }

    @Override
    public void onMessage(Delivery d, Message m) {
        System.out.println("Received " + Values.format(m.body()));
        String replyTo = m.replyTo();
        Message reply = new Message(String.valueOf(m.body()).toUpperCase(Locale.ROOT));
        reply.to(replyTo);
        reply.correlationId(m.correlationId());
        senders.computeIfAbsent(replyTo, connection::openSender).send(reply);
    }

    /**
     * @param args {@code [URL [ADDRESS]]}
     */
    public static void main(String[] args) {
        List<String> rest = new Options("server").parse(args);
        String url = rest.size() > 0 ? rest.get(0) : "//127.0.0.1:5672";
        String address = rest.size() > 1 ? rest.get(1) : "examples";
        Main.exitOnError(() -> new Container(new Server(url, address)).run());
    }
}
