package io.jproton.examples;

import io.jproton.ConnectionOptions;
import io.jproton.Container;
import io.jproton.Message;
import io.jproton.MessagingHandler;
import io.jproton.Sender;
import io.jproton.Tracker;
import io.jproton.Transport;

/**
 * Sends messages alternately coloured green and red (application property {@code colour}, body
 * {@code "green 1"}, {@code "red 2"}, ...), as the C++ {@code colour_send}; prints
 * {@code all messages confirmed}. Options as {@code simple_send}.
 */
public final class ColourSend implements MessagingHandler {
    private final String url;
    private final String user;
    private final String password;
    private final int total;
    private int sent;
    private int confirmed;

    /**
     * @param url URL
     * @param user user or empty
     * @param password password or empty
     * @param total messages
     */
    public ColourSend(String url, String user, String password, int total) {
        this.url = url;
        this.user = user;
        this.password = password;
        this.total = total;
    }

    @Override
    public void onContainerStart(Container c) {
        ConnectionOptions co = new ConnectionOptions();
        if (!user.isEmpty()) co.user(user);
        if (!password.isEmpty()) co.password(password);
        c.openSender(url, null, co);
    }

    @Override
    public void onSendable(Sender s) {
        while (s.credit() > 0 && sent < total) {
            String colour = sent % 2 == 1 ? "red" : "green";
            Message msg = new Message(colour + " " + (sent + 1));
            msg.properties().put("colour", colour);
            msg.id(sent + 1);
            s.send(msg);
            sent++;
        }
    }

    @Override
    public void onTrackerAccept(Tracker t) {
        if (++confirmed == total) {
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
        new Options("colour_send")
                .value('a', "address", "connect and send to URL", "URL", a[0], v -> a[0] = v)
                .value('m', "messages", "send COUNT messages", "COUNT", "100", v -> count[0] = Options.parseInt(v))
                .value('u', "user", "authenticate as USER", "USER", null, v -> a[1] = v)
                .value('p', "password", "authenticate with PASSWORD", "PASSWORD", null, v -> a[2] = v)
                .parse(args);
        Main.exitOnError(() -> new Container(new ColourSend(a[0], a[1], a[2], count[0])).run());
    }
}
