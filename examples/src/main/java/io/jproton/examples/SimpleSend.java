package io.jproton.examples;

import io.jproton.Connection;
import io.jproton.ConnectionOptions;
import io.jproton.Container;
import io.jproton.MessagingHandler;
import io.jproton.Sender;
import io.jproton.Tracker;
import io.jproton.Transport;

/**
 * Sends COUNT messages with map bodies {@code {"sequence"=N}} to a broker and waits for each to
 * be accepted, then prints {@code all messages confirmed}, as the C++ {@code simple_send}.
 *
 * <p>Options: {@code -a/--address URL} (default 127.0.0.1:5672/examples), {@code -m/--messages COUNT}
 * (default 100), {@code -u/--user}, {@code -p/--password}.
 */
public final class SimpleSend implements MessagingHandler {
    private final String url;
    private final String user;
    private final String password;
    private final int total;
    private final boolean reconnect;
    private int sent;
    private int confirmed;

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

    @Override
    public void onContainerStart(Container c) {
        ConnectionOptions co = new ConnectionOptions();
        if (!user.isEmpty()) co.user(user);
        if (!password.isEmpty()) co.password(password);
        if (reconnect) co.reconnect(new io.jproton.ReconnectOptions());
        c.openSender(url, null, co);
    }

    @Override
    public void onConnectionOpen(Connection c) {
        if (c.reconnected()) {
            sent = confirmed;
        }
    }

    @Override
    public void onSendable(Sender s) {
        while (s.credit() > 0 && sent < total) {
            s.send(Sequence.message(sent + 1));
            sent++;
        }
    }

    @Override
    public void onTrackerAccept(Tracker t) {
        confirmed++;
        if (confirmed == total) {
            System.out.println("all messages confirmed");
            t.connection().close();
        }
    }

    @Override
    public void onTransportClose(Transport t) {
        sent = confirmed;
    }

    /**
     * @param args the command line
     */
    public static void main(String[] args) {
        String[] a = {"127.0.0.1:5672/examples", "", ""};
        int[] count = {100};
        boolean[] reconnect = {false};
        new Options("simple_send")
                .value('a', "address", "connect and send to URL", "URL", a[0], v -> a[0] = v)
                .value('m', "messages", "send COUNT messages", "COUNT", "100", v -> count[0] = Options.parseInt(v))
                .value('u', "user", "authenticate as USER", "USER", null, v -> a[1] = v)
                .value('p', "password", "authenticate with PASSWORD", "PASSWORD", null, v -> a[2] = v)
                .flag('r', "reconnect", "reconnect on connection failure", () -> reconnect[0] = true)
                .parse(args);
        Main.exitOnError(() -> new Container(new SimpleSend(a[0], a[1], a[2], count[0], reconnect[0])).run());
    }
}
