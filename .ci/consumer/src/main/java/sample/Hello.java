package sample;

import io.jproton.Connection;
import io.jproton.ConnectionOptions;
import io.jproton.Container;
import io.jproton.Delivery;
import io.jproton.Listener;
import io.jproton.Message;
import io.jproton.MessagingHandler;
import io.jproton.ReconnectOptions;
import io.jproton.Sender;
import io.jproton.Tracker;
import io.jproton.Transport;
import io.jproton.UserStore;
import io.jproton.micrometer.JprotonMetrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;

/**
 * A user's first jproton program, three ways: {@code hello} sends "Hello World!" to a listener of
 * its own (port 0), prints it, which container ran and what its meters counted; {@code reconnect}
 * connects first to a port nobody listens on and fails over to its listener; {@code auth} logs in
 * to its own authenticating listener with a wrong password.
 */
public final class Hello {
    public static void main(String[] args) throws Exception {
        String what = args.length > 0 ? args[0] : "hello";
        switch (what) {
            case "hello" -> hello();
            case "reconnect" -> reconnect();
            case "auth" -> auth();
            default -> throw new IllegalArgumentException("hello, reconnect or auth");
        }
    }

    private static void hello() {
        Container c = new Container(new MessagingHandler() {
            private Listener listener;
            private boolean sent;

            @Override
            public void onContainerStart(Container container) {
                listener = container.listen("127.0.0.1:0");
                container.openSender("127.0.0.1:" + listener.port() + "/examples");
            }

            @Override
            public void onSendable(Sender s) {
                if (!sent) {
                    sent = true;
                    s.send(new Message("Hello World!"));
                }
            }

            @Override
            public void onTrackerAccept(Tracker t) {
                t.connection().close();
            }

            @Override
            public void onMessage(Delivery d, Message m) {
                System.out.println(m.body());
                listener.stop();
            }
        });
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        new JprotonMetrics(c).bindTo(registry);
        c.run();
        System.out.println("container: " + c.provider() + ", module: " + Container.class.getModule().getName());
        System.out.printf("meters: sent %.0f, received %.0f, accepted %.0f, connections open %.0f%n",
                registry.get("jproton.messages.sent").functionCounter().count(),
                registry.get("jproton.messages.received").functionCounter().count(),
                registry.get("jproton.messages.outcome").tag("outcome", "accepted").functionCounter().count(),
                registry.get("jproton.connections").gauge().value());
    }

    private static void reconnect() throws Exception {
        int dead;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            dead = s.getLocalPort(); // closed at once: nobody listens there
        }
        new Container(new MessagingHandler() {
            private Listener listener;
            private Connection client;

            @Override
            public void onContainerStart(Container container) {
                listener = container.listen("127.0.0.1:0");
                client = container.connect("127.0.0.1:" + dead, new ConnectionOptions()
                        .reconnect(new ReconnectOptions().delay(Duration.ofMillis(10)))
                        .failoverUrls(List.of("127.0.0.1:" + listener.port())));
            }

            @Override
            public void onConnectionOpen(Connection connection) {
                if (connection == client) {
                    System.out.println("reconnected: " + connection.reconnected());
                    connection.close();
                    listener.stop();
                }
            }
        }).run();
    }

    private static void auth() {
        UserStore users = new UserStore().add("alice", "right-password".toCharArray());
        new Container(new MessagingHandler() {
            private Listener listener;

            @Override
            public void onContainerStart(Container container) {
                listener = container.listen("127.0.0.1:0", new ConnectionOptions().authenticator(users));
                container.connect("amqp://alice:Wrong-Pa55word@127.0.0.1:" + listener.port());
            }

            @Override
            public void onTransportError(Transport t) {
                System.out.println("refused: " + t.error().name());
                listener.stop();
            }
        }).run();
    }
}
