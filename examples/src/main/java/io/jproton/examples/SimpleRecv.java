package io.jproton.examples;

import io.jproton.ConnectionOptions;
import io.jproton.Container;
import io.jproton.Delivery;
import io.jproton.Message;
import io.jproton.MessagingHandler;
import io.jproton.Values;

/**
 * Receives COUNT messages from a broker and prints each body, as the C++ {@code simple_recv}.
 *
 * <p>Options: {@code -a/--address URL} (default 127.0.0.1:5672/examples), {@code -m/--messages COUNT}
 * (default 100; 0 for no limit), {@code -u/--user}, {@code -p/--password}, {@code -i/--insecure}
 * (allow PLAIN, which sends the password in clear, without TLS).
 */
public final class SimpleRecv implements MessagingHandler {
    private final String url;
    private final String user;
    private final String password;
    private final int expected;
    private boolean insecure;
    private int received;

    /**
     * @param url URL
     * @param user user or empty
     * @param password password or empty
     * @param expected messages to receive
     */
    public SimpleRecv(String url, String user, String password, int expected) {
        this.url = url;
        this.user = user;
        this.password = password;
        this.expected = expected;
    }

    /**
     * @param allow true to allow PLAIN without TLS
     * @return this
     */
    public SimpleRecv insecure(boolean allow) {
        insecure = allow;
        return this;
    }

    @Override
    public void onContainerStart(Container c) {
        ConnectionOptions co = new ConnectionOptions();
        if (!user.isEmpty()) co.user(user);
        if (!password.isEmpty()) co.password(password);
        co.saslAllowInsecureMechs(insecure);
        c.openReceiver(url, null, co);
    }

    @Override
    public void onMessage(Delivery d, Message msg) {
        if (msg.id() != null && Sequence.asLong(msg.id()) < received) {
            return; // a duplicate
        }
        if (expected == 0 || received < expected) {
            System.out.println(Values.format(msg.body()));
            received++;
            if (received == expected) {
                d.receiver().close();
                d.connection().close();
            }
        }
    }

    /**
     * @param args the command line
     */
    public static void main(String[] args) {
        String[] a = {"127.0.0.1:5672/examples", "", ""};
        int[] count = {100};
        boolean[] insecure = {false};
        new Options("simple_recv")
                .value('a', "address", "connect to and receive from URL", "URL", a[0], v -> a[0] = v)
                .value('m', "messages", "receive COUNT messages", "COUNT", "100", v -> count[0] = Options.parseInt(v))
                .value('u', "user", "authenticate as USER", "USER", null, v -> a[1] = v)
                .value('p', "password", "authenticate with PASSWORD", "PASSWORD", null, v -> a[2] = v)
                .flag('i', "insecure", "allow clear-text passwords (PLAIN without TLS)", () -> insecure[0] = true)
                .parse(args);
        Main.exitOnError(() -> new Container(new SimpleRecv(a[0], a[1], a[2], count[0]).insecure(insecure[0])).run());
    }
}
