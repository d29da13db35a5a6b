package io.jproton.examples;

import io.jproton.Container;
import io.jproton.Delivery;
import io.jproton.Message;
import io.jproton.MessagingHandler;
import io.jproton.Sender;
import io.jproton.SenderOptions;
import io.jproton.SourceOptions;
import io.jproton.Values;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Listens and answers {@code client} directly, giving each dynamic reply link an address of its
 * own, as the C++ {@code server_direct}.
 *
 * <p>Options: {@code -a/--address URL} (default amqp://127.0.0.1:5672/examples).
 */
public final class ServerDirect implements MessagingHandler {
    private final String url;
    private final Map<String, Sender> senders = new HashMap<>();
    private int addressCounter;

    /**
     * @param url the URL to listen on
     */
    public ServerDirect(String url) {
        this.url = url;
    }

    @Override
    public void onContainerStart(Container c) {
        c.listen(url, new ListenPrinter());
    }

    @Override
    public void onSenderOpen(Sender sender) {
        if (sender.source().dynamic()) {
            String addr = "server" + addressCounter++;
            sender.open(new SenderOptions().source(new SourceOptions().address(addr)));
            senders.put(addr, sender);
        }
    }

    @Override
    public void onMessage(Delivery d, Message m) {
        System.out.println("Received " + Values.format(m.body()));
        String replyTo = m.replyTo();
        Sender sender = senders.get(replyTo);
        if (sender == null) {
            System.out.println("No link for reply_to: " + replyTo);
        } else {
            Message reply = new Message(String.valueOf(m.body()).toUpperCase(Locale.ROOT));
            reply.to(replyTo);
            reply.correlationId(m.correlationId());
            sender.send(reply);
        }
    }

    /**
     * @param args the command line
     */
    public static void main(String[] args) {
        String[] a = {"amqp://127.0.0.1:5672/examples"};
        new Options("server_direct").value('a', "address", "listen on URL", "URL", a[0], v -> a[0] = v).parse(args);
        Main.exitOnError(() -> new Container(new ServerDirect(a[0])).run());
    }
}
