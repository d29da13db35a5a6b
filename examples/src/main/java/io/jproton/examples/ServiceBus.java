package io.jproton.examples;

import io.jproton.Connection;
import io.jproton.ConnectionOptions;
import io.jproton.Container;
import io.jproton.Delivery;
import io.jproton.Message;
import io.jproton.MessagingHandler;
import io.jproton.Receiver;
import io.jproton.ReceiverOptions;
import io.jproton.Sender;
import io.jproton.SourceOptions;
import io.jproton.Tracker;
import io.jproton.Values;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * Service Bus sessions, as the C++ {@code service_bus}: sends seven messages in groups (red, green,
 * blue, ...) to a session-enabled queue, then receives the green ones, the red ones, and then each
 * remaining group in turn, using the {@code com.microsoft:session-filter} source filter.
 *
 * <p>Options as in C++: {@code -n/--namespace}, {@code -p/--policy}, {@code -k/--key},
 * {@code -e/--entity}; the connection goes to {@code amqps://NAMESPACE} (TLS with the JVM's trust
 * store, SASL PLAIN with the policy and key). {@code -a/--address URL} connects elsewhere instead,
 * to any broker with the same session-queue semantics (the {@code broker} example has them);
 * {@code -t/--timeout} sets the read timeout in seconds (default 5); {@code -i/--insecure} allows
 * PLAIN without TLS there (C++ has no such option: it never sends PLAIN in clear by default).
 */
public final class ServiceBus implements MessagingHandler {
    private static final String SESSION_FILTER = "com.microsoft:session-filter";

    private final String url;
    private final String entity;
    private final ConnectionOptions options;
    private final Duration readTimeout;
    private int step;
    private Container container;

    ServiceBus(String url, String entity, ConnectionOptions options, Duration readTimeout) {
        this.url = url;
        this.entity = entity;
        this.options = options;
        this.readTimeout = readTimeout;
    }

    @Override
    public void onContainerStart(Container c) {
        container = c;
        next();
    }

    /** Runs the next step: the sender, then the green, red and "any" receivers. */
    void next() {
        switch (step++) {
            case 0 -> container.openSender(url + "/" + entity, null, new ConnectionOptions(options).handler(new SessionSender()));
            case 1 -> new SessionReceiver("green").run();
            case 2 -> new SessionReceiver("red").run();
            default -> new SessionReceiver(null).run();
        }
    }

    /** Sends the seven grouped messages. */
    final class SessionSender implements MessagingHandler {
        private static final String[] GROUPS = {"red", "green", "blue", "red", "black", "blue", "yellow"};
        private int count;
        private int accepts;

        @Override
        public void onSendable(Sender s) {
            for (; count < GROUPS.length && s.credit() > 0; count++) {
                String gid = GROUPS[count];
                Message m = new Message("message " + count + " in service bus session \"" + gid + "\"");
                m.groupId(gid); // Service Bus uses group_id as the session identifier
                s.send(m);
                System.out.println("   sent message: " + Values.format(m.body()));
            }
        }

        @Override
        public void onTrackerAccept(Tracker t) {
            if (++accepts == GROUPS.length) {
                t.sender().close();
                t.connection().close();
                next();
            }
        }
    }

    /** Receives the messages of one session (or of whichever session the broker picks, for null). */
    final class SessionReceiver implements MessagingHandler {
        private final String sessionId;
        private int messages;
        private boolean closed;
        private long lastRead;
        private Receiver receiver;

        SessionReceiver(String sessionId) {
            this.sessionId = sessionId;
        }

        void run() {
            container.connect(url, new ConnectionOptions(options).handler(this));
        }

        @Override
        public void onConnectionOpen(Connection c) {
            Map<String, Object> filter = new HashMap<>();
            filter.put(SESSION_FILTER, sessionId); // null matches any session
            receiver = c.openReceiver(entity, new ReceiverOptions().source(new SourceOptions().filters(filter)));
            lastRead = System.nanoTime();
            c.workQueue().schedule(readTimeout, this::timeout);
        }

        @Override
        public void onReceiverOpen(Receiver r) {
            if (closed) {
                return;
            }
            Object actual = r.source().filters().get(SESSION_FILTER);
            System.out.println("receiving messages with session identifier \"" + Values.format(actual) + "\" from queue " + entity);
            lastRead = System.nanoTime();
        }

        @Override
        public void onMessage(Delivery d, Message m) {
            messages++;
            System.out.println("   received message: " + Values.format(m.body()));
            lastRead = System.nanoTime();
        }

        private void timeout() {
            long left = lastRead + readTimeout.toNanos() - System.nanoTime();
            if (left <= 0) {
                receiver.close();
                closed = true;
                receiver.connection().close();
                if (messages > 0) {
                    next();
                } else {
                    System.out.println("Done. No more messages.");
                }
            } else {
                receiver.workQueue().schedule(Duration.ofNanos(left), this::timeout);
            }
        }
    }

    /** @param args the command line */
    public static void main(String[] args) {
        String[] o = {"", "", "", "", null};
        double[] timeout = {5.0};
        boolean[] insecure = {false};
        Options opts = new Options("service_bus")
                .value('n', "namespace", "Service Bus full namespace", "NAMESPACE", null, v -> o[0] = v)
                .value('p', "policy", "policy name that specifies access rights (key name)", "POLICY", null, v -> o[1] = v)
                .value('k', "key", "secret key for the policy", "key", null, v -> o[2] = v)
                .value('e', "entity", "entity path (queue name)", "ENTITY", null, v -> o[3] = v)
                .value('a', "address", "connect to URL instead of amqps://NAMESPACE", "URL", null, v -> o[4] = v)
                .value('t', "timeout", "read timeout in seconds", "T", "5", v -> timeout[0] = Options.parseDouble(v))
                .flag('i', "insecure", "allow PLAIN without TLS (for a test broker at -a amqp://...)", () -> insecure[0] = true);
        opts.parse(args);
        Main.exitOnError(() -> {
            String[] names = {"namespace", "policy", "key", "entity"};
            for (int i = 0; i < names.length; i++) {
                if (o[i].isEmpty() && !(i == 0 && o[4] != null)) {
                    throw new IllegalArgumentException("missing argument for \"" + names[i] + "\"");
                }
            }
            String url = o[4] != null ? o[4] : "amqps://" + o[0];
            ConnectionOptions co = new ConnectionOptions().user(o[1]).password(o[2]).saslAllowedMechs("PLAIN")
                    .saslAllowInsecureMechs(insecure[0]);
            new Container(new ServiceBus(url, o[3], co, Duration.ofMillis((long) (timeout[0] * 1000)))).run();
        });
    }
}
