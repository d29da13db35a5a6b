package io.jproton.examples;

import io.jproton.Connection;
import io.jproton.ConnectionOptions;
import io.jproton.Container;
import io.jproton.MessagingHandler;

/**
 * Connects and closes again, as the C++ {@code simple_connect}: a check of the URL, credentials and
 * SASL settings. Options: {@code -a/--address URL}, {@code -u/--user}, {@code -p/--password},
 * {@code -s/--sasl}, {@code -m/--mechs MECHS}, {@code -i/--insecure}. Prints nothing on success.
 */
public final class SimpleConnect implements MessagingHandler {
    private final String url;
    private final ConnectionOptions options;

    /**
     * @param url URL
     * @param options connection options
     */
    public SimpleConnect(String url, ConnectionOptions options) {
        this.url = url;
        this.options = options;
    }

    @Override
    public void onContainerStart(Container c) {
        c.connect(url, options);
    }

    @Override
    public void onConnectionOpen(Connection c) {
        if (options.reconnect() == null) {
            c.close(); // with reconnect, C++ keeps the connection open
        }
    }

    /**
     * @param args the command line
     */
    public static void main(String[] args) {
        String[] a = {"127.0.0.1:5672/examples"};
        ConnectionOptions co = new ConnectionOptions();
        new Options("simple_connect")
                .value('a', "address", "connect and send to URL", "URL", a[0], v -> a[0] = v)
                .value('u', "user", "authenticate as USER", "USER", null, co::user)
                .value('p', "password", "authenticate with PASSWORD", "PASSWORD", null, co::password)
                .flag('r', "reconnect", "reconnect on connection failure", () -> co.reconnect(new io.jproton.ReconnectOptions()))
                .flag('s', "sasl", "force SASL authentication with no user specified", () -> co.saslEnabled(true))
                .value('m', "mechs", "allowed SASL mechanisms", "MECHS", null, co::saslAllowedMechs)
                .flag('i', "insecure", "allow clear-text passwords", () -> co.saslAllowInsecureMechs(true))
                .parse(args);
        Main.exitOnError(() -> new Container(new SimpleConnect(a[0], co)).run());
    }
}
