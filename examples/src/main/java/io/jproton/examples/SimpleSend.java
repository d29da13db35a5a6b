package io.jproton.examples;

import io.jproton.Connection;
import io.jproton.ConnectionOptions;
import io.jproton.Container;
import io.jproton.MessagingHandler;
import io.jproton.Sender;
import io.jproton.Tracker;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.TreeSet;

/**
 * Sends COUNT messages with map bodies {@code {"sequence"=N}} to a broker and waits for each to
 * be accepted, then prints {@code all messages confirmed}, as the C++ {@code simple_send}.
 *
 * <p>Options: {@code -a/--address URL} (default 127.0.0.1:5672/examples), {@code -m/--messages COUNT}
 * (default 100), {@code -u/--user}, {@code -p/--password}, {@code -i/--insecure} (allow PLAIN, which
 * sends the password in clear, without TLS), {@code -r/--reconnect}.
 *
 * <p>With {@code -r} it reconnects when the connection is lost, and sends again every message whose
 * tracker was not accepted by then (the broker may have it or not: at least once, duplicates
 * possible), then goes on with the rest.
 */
public final class SimpleSend implements MessagingHandler {
    private final String url;
    private final String user;
    private final String password;
    private final int total;
    private final boolean reconnect;
    private boolean insecure;
    private int sent;
    private int confirmed;
    /** Sent, not accepted yet: the message number of each tracker. */
    private final Map<Tracker, Integer> unaccepted = new IdentityHashMap<>();
    /** To send again after a reconnect. */
    private final TreeSet<Integer> resend = new TreeSet<>();

    /**
     * @param url URL
     * @param user user or empty
     * @param password password or empty
     * @param total messages to send
     */
    public SimpleSend(String url, String user, String password, int total) {
        this(url, user, password, total, false);
    }

    /**
     * @param url URL @param user user or empty @param password password or empty @param total messages
     * @param reconnect reconnect when the connection is lost
     */
    public SimpleSend(String url, String user, String password, int total, boolean reconnect) {
        this.url = url;
        this.user = user;
        this.password = password;
        this.total = total;
        this.reconnect = reconnect;
    }

    /**
     * @param allow true to allow PLAIN without TLS
     * @return this
     */
    public SimpleSend insecure(boolean allow) {
        insecure = allow;
        return this;
    }

    @Override
    public void onContainerStart(Container c) {
        ConnectionOptions co = new ConnectionOptions();
        if (!user.isEmpty()) co.user(user);
        if (!password.isEmpty()) co.password(password);
        if (reconnect) co.reconnect(new io.jproton.ReconnectOptions());
        co.saslAllowInsecureMechs(insecure);
        c.openSender(url, null, co);
    }

    @Override
    public void onConnectionOpen(Connection c) {
        if (c.reconnected()) {
            // the trackers of the lost connection that were not accepted: the broker may not have those messages
            resend.addAll(unaccepted.values());
            unaccepted.clear();
        }
    }

    @Override
    public void onSendable(Sender s) {
        while (s.credit() > 0) {
            Integer n = resend.pollFirst();
            if (n == null && sent < total) {
                n = ++sent;
            }
            if (n == null) {
                return;
            }
            unaccepted.put(s.send(Sequence.message(n)), n);
        }
    }

    @Override
    public void onTrackerAccept(Tracker t) {
        if (unaccepted.remove(t) == null) {
            return;
        }
        confirmed++;
        if (confirmed == total) {
            System.out.println("all messages confirmed");
            t.connection().close();
        }
    }

    /**
     * @param args the command line
     */
    public static void main(String[] args) {
        String[] a = {"127.0.0.1:5672/examples", "", ""};
        int[] count = {100};
        boolean[] reconnect = {false};
        boolean[] insecure = {false};
        new Options("simple_send")
                .value('a', "address", "connect and send to URL", "URL", a[0], v -> a[0] = v)
                .value('m', "messages", "send COUNT messages", "COUNT", "100", v -> count[0] = Options.parseInt(v))
                .value('u', "user", "authenticate as USER", "USER", null, v -> a[1] = v)
                .value('p', "password", "authenticate with PASSWORD", "PASSWORD", null, v -> a[2] = v)
                .flag('i', "insecure", "allow clear-text passwords (PLAIN without TLS)", () -> insecure[0] = true)
                .flag('r', "reconnect", "reconnect on connection failure", () -> reconnect[0] = true)
                .parse(args);
        Main.exitOnError(() -> new Container(new SimpleSend(a[0], a[1], a[2], count[0], reconnect[0]).insecure(insecure[0])).run());
    }
}
