package io.jproton.examples;

import io.jproton.Container;
import io.jproton.Delivery;
import io.jproton.Message;
import io.jproton.MessagingHandler;
import io.jproton.Receiver;
import io.jproton.ReceiverOptions;
import io.jproton.Sender;
import io.jproton.SourceOptions;
import io.jproton.Values;
import java.util.ArrayList;
import java.util.List;

/**
 * Sends requests and prints each {@code REQUEST => RESPONSE}, receiving replies on a dynamic
 * queue, as the C++ {@code client}. Pair it with {@code server} through a broker, or with
 * {@code server_direct}.
 *
 * <p>Options: {@code -a/--address URL} (default 127.0.0.1:5672/examples); {@code -r/--reply-to ADDRESS}
 * receives the replies on that address instead of a dynamic queue (not in the C++ example: for
 * brokers without dynamic nodes, such as RabbitMQ 3.10, e.g. {@code -r /queue/replies}).
 */
public final class Client implements MessagingHandler {
    /** The requests the C++ example sends. */
    public static final List<String> REQUESTS = List.of(
            "Twas brillig, and the slithy toves",
            "Did gire and gymble in the wabe.",
            "All mimsy were the borogroves,",
            "And the mome raths outgrabe.");

    private final String url;
    private final String replyTo;
    private final List<String> requests;
    private Sender sender;
    private Receiver receiver;

    /**
     * @param url URL
     * @param requests the requests to send
     */
    public Client(String url, List<String> requests) {
        this(url, null, requests);
    }

    /**
     * @param url URL
     * @param replyTo the address to receive replies on, or null for a dynamic queue
     * @param requests the requests to send
     */
    public Client(String url, String replyTo, List<String> requests) {
        this.url = url;
        this.replyTo = replyTo;
        this.requests = new ArrayList<>(requests);
    }

    @Override
    public void onContainerStart(Container c) {
        sender = c.openSender(url);
        receiver = replyTo != null ? sender.connection().openReceiver(replyTo)
                : sender.connection().openReceiver("", new ReceiverOptions().source(new SourceOptions().dynamic(true)));
    }

    private void sendRequest() {
        Message req = new Message(requests.get(0));
        req.replyTo(receiver.source().address());
        sender.send(req);
    }

    @Override
    public void onReceiverOpen(Receiver r) {
        sendRequest();
    }

    @Override
    public void onMessage(Delivery d, Message response) {
        if (requests.isEmpty()) {
            return; // a spurious extra message
        }
        System.out.println(requests.get(0) + " => " + Values.format(response.body()));
        requests.remove(0);
        if (!requests.isEmpty()) {
            sendRequest();
        } else {
            d.connection().close();
        }
    }

    /**
     * @param args the command line
     */
    public static void main(String[] args) {
        String[] a = {"127.0.0.1:5672/examples", null};
        new Options("client").value('a', "address", "connect and send to URL", "URL", a[0], v -> a[0] = v)
                .value('r', "reply-to", "receive replies on ADDRESS, not a dynamic queue", "ADDRESS", null, v -> a[1] = v)
                .parse(args);
        Main.exitOnError(() -> new Container(new Client(a[0], a[1], REQUESTS)).run());
    }
}
